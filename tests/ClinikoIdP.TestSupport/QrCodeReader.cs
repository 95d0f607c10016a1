using StbImageSharp;
using ZXing;
using ZXing.Common;

namespace ClinikoIdP.TestSupport;

/// <summary>Reads a QR code from a PNG (the enrolment page's image, or a browser screenshot), as a phone's camera would.</summary>
public static class QrCodeReader
{
    public static string? Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);

        // ZXing's finder-pattern detector misses about 1 in 70 clean, computer-rendered QR codes (measured on QRCoder
        // PNGs of otpauth URIs); reading the image as a pure barcode (code plus quiet zone, as the enrolment page
        // renders it) decodes those. A photo or screenshot still goes through the detector first.
        // A browser's scaled, anti-aliased drawing can defeat the local-threshold binarizer where a global one reads it.
        return Read(source, pureBarcode: false, globalThreshold: false)
            ?? Read(source, pureBarcode: true, globalThreshold: false)
            ?? Read(source, pureBarcode: false, globalThreshold: true);
    }

    private static string? Read(LuminanceSource source, bool pureBarcode, bool globalThreshold)
    {
        var reader = new BarcodeReaderGeneric(
            null,
            globalThreshold ? luminance => new GlobalHistogramBinarizer(luminance) : luminance => new HybridBinarizer(luminance),
            null)
        {
            Options = new DecodingOptions
            {
                PossibleFormats = [BarcodeFormat.QR_CODE],
                TryHarder = true,
                PureBarcode = pureBarcode,
            },
        };
        return reader.Decode(source)?.Text;
    }

    /// <summary>Decodes a <c>data:image/png;base64,…</c> URI.</summary>
    public static string? DecodeDataUri(string dataUri)
    {
        const string prefix = "data:image/png;base64,";
        if (!dataUri.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a PNG data URI.", nameof(dataUri));
        }

        return Decode(Convert.FromBase64String(dataUri[prefix.Length..]));
    }
}
