using System.Buffers.Binary;
using ClinikoIdP.Server.Features.Enrolment;

namespace ClinikoIdP.UnitTests.Totp;

public sealed class EnrolmentQrCodeImageTests
{
    [Theory]
    [InlineData("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP")]
    [InlineData("otpauth://totp/Harbourside%20Clinic:nurse.0a1b2c3d%40harbourside.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Harbourside%20Clinic&algorithm=SHA1&digits=6&period=30")]
    [InlineData("otpauth://totp/Harbourside%20Community%20Physiotherapy%20and%20Sports%20Medicine:reception.weekend.locum%40harbourside-community-physio.example.com.au?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Harbourside%20Community%20Physiotherapy%20and%20Sports%20Medicine&algorithm=SHA1&digits=6&period=30")]
    public void TheImageIsShownAtItsOwnSizeWithWholePixelModules(string otpAuthUri)
    {
        var image = QrCodeImage.Render(otpAuthUri);

        var png = Convert.FromBase64String(image.DataUri["data:image/png;base64,".Length..]);
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.Equal(image.Size, width);
        Assert.Equal(image.Size, height);

        // A QR code of version v is 17 + 4v modules across, plus a quiet zone of 4 on each side: 29, 33, 37 … 185.
        var wholePixelScales = Enumerable.Range(4, 7)
            .Where(p => image.Size % p == 0 && image.Size / p is >= 29 and <= 185 && (image.Size / p - 29) % 4 == 0)
            .ToList();
        Assert.NotEmpty(wholePixelScales);
        Assert.True(image.Size <= 250 || wholePixelScales.Contains(4), $"{image.Size} px is larger than the page needs.");
    }
}
