using System.Text;
using ClinikoIdP.Authentication.Totp;

namespace ClinikoIdP.UnitTests.Totp;

public class TotpUriTests
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Fact]
    public void BuildsKeyUriWithAllParameters()
    {
        var uri = TotpUri.Build("ClinikoIdP", "anna@clinic.example", Secret);

        Assert.Equal(
            "otpauth://totp/ClinikoIdP:anna%40clinic.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=ClinikoIdP&algorithm=SHA1&digits=6&period=30",
            uri);
    }

    [Fact]
    public void PercentEncodesIssuerAndAccountName()
    {
        var uri = TotpUri.Build("North Clinic & Co", "a+b@clinic.example", Secret);

        Assert.StartsWith("otpauth://totp/North%20Clinic%20%26%20Co:a%2Bb%40clinic.example?", uri, StringComparison.Ordinal);
        Assert.Contains("&issuer=North%20Clinic%20%26%20Co&", uri, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelDecodesBackToIssuerAndAccount()
    {
        var uri = new Uri(TotpUri.Build("Zoë's Clinic/West", "zoë@clinic.example", Secret));

        var label = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));

        Assert.Equal("otpauth", uri.Scheme);
        Assert.Equal("totp", uri.Host);
        Assert.Equal("Zoë's Clinic/West:zoë@clinic.example", label);
    }

    [Theory]
    [InlineData("Clinic:West", "anna@clinic.example")]
    [InlineData("ClinikoIdP", "anna:b@clinic.example")]
    [InlineData("", "anna@clinic.example")]
    [InlineData("ClinikoIdP", " ")]
    public void RefusesLabelPartsTheFormatForbids(string issuer, string account)
    {
        Assert.Throws<ArgumentException>(() => TotpUri.Build(issuer, account, Secret));
    }

    [Fact]
    public void RefusesEmptySecret()
    {
        Assert.Throws<ArgumentException>(() => TotpUri.Build("ClinikoIdP", "anna@clinic.example", []));
    }
}
