using System.Text.Json;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// Reads the JSON a passkey script posts, within limits: a WebAuthn answer is a few kilobytes, so anything larger or
/// not a JSON object is refused before any parsing of its contents.
/// </summary>
public static class PasskeyRequestBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body as a JSON object's text, or null when it is too large, empty or not a JSON object.</summary>
    public static async Task<JsonDocument?> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The raw JSON of an object-valued property ("credential"), or null.</summary>
    public static string? ObjectProperty(JsonDocument document, string name)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.GetRawText()
            : null;
    }

    /// <summary>A string property's value, or null.</summary>
    public static string? StringProperty(JsonDocument document, string name)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }

    /// <summary>True only when the property is the JSON literal true.</summary>
    public static bool IsTrue(JsonDocument document, string name)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
    }
}
