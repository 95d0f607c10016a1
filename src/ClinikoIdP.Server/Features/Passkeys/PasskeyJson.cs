using Microsoft.AspNetCore.Mvc;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// The answers the passkey script understands: WebAuthn options, where to go next, or a sentence to show. A refusal
/// is a 400 with that sentence, never an error page: the script shows it beside the button.
/// </summary>
public static class PasskeyJson
{
    public static ContentResult Options(string optionsJson) =>
        new() { Content = optionsJson, ContentType = "application/json", StatusCode = StatusCodes.Status200OK };

    public static JsonResult Next(string url) => new(new { redirectTo = url });

    public static JsonResult Error(string message, int status = StatusCodes.Status400BadRequest) =>
        new(new { error = message }) { StatusCode = status };
}
