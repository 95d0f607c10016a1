using QRCoder;

namespace ClinikoIdP.Server.Features.Enrolment;

/// <summary>Renders the otpauth URI as a PNG QR code on the server (no third-party script or service sees the secret).</summary>
public static class QrCodeImage
{
    public static string ToPngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
