using QRCoder;

namespace ClinikoIdP.Server.Features.Enrolment;

/// <summary>
/// The otpauth URI as a PNG QR code, rendered on the server (no third-party script or service sees the secret).
/// </summary>
/// <param name="DataUri">The PNG as a <c>data:</c> URI.</param>
/// <param name="Size">Its width and height in pixels, which the page shows it at.</param>
public sealed record QrCodeImage(string DataUri, int Size)
{
    /// <summary>About the size the enrolment page has room for, and comfortably large for a phone's camera.</summary>
    private const int TargetSize = 250;

    private const int MinimumPixelsPerModule = 4;

    /// <summary>
    /// Each module is a whole number of pixels and the page shows the image at its own size: a browser that scales a QR
    /// code by a fraction draws modules of uneven width, which a camera (and the browser tests' decoder, about 1 in 200
    /// times) misreads.
    /// </summary>
    public static QrCodeImage Render(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modulesAcross = data.ModuleMatrix.Count; // QRCoder's matrix already includes the quiet zone.
        var pixelsPerModule = Math.Max(MinimumPixelsPerModule, TargetSize / modulesAcross);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);
        return new QrCodeImage("data:image/png;base64," + Convert.ToBase64String(png), modulesAcross * pixelsPerModule);
    }
}
