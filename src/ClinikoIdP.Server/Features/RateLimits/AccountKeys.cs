using System.Net.Http.Headers;
using System.Text;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>Reads which account a limited request is about. Keys are prefixed so an email never meets a user id.</summary>
public static class AccountKeys
{
    private const int MaxKeyLength = 256;

    public static async Task<string?> FindAsync(HttpContext context, AccountSource source) => source switch
    {
        AccountSource.FormEmail => await FormEmailAsync(context) is { } email ? "email:" + email : null,
        AccountSource.SignInUser => await SignInUserAsync(context) is { } userId ? "user:" + userId : null,
        AccountSource.ClientId => await ClientIdAsync(context) is { } clientId ? "client:" + clientId : null,
        _ => null,
    };

    private static async Task<string?> FormEmailAsync(HttpContext context)
    {
        var email = (await ReadFormAsync(context))?["Input.Email"].ToString().Trim();
        return string.IsNullOrEmpty(email) || email.Length > MaxKeyLength
            ? null
            : context.RequestServices.GetRequiredService<ILookupNormalizer>().NormalizeEmail(email);
    }

    private static async Task<string?> SignInUserAsync(HttpContext context)
    {
        var pending = await context.AuthenticateAsync(SessionCookies.PendingScheme);
        if (pending.Principal?.FindFirst(Claims.Subject)?.Value is { Length: > 0 } pendingUser)
        {
            return pendingUser;
        }

        var session = await context.AuthenticateAsync();
        return session.Principal is { } principal
            ? context.RequestServices.GetRequiredService<UserManager<ClinicUser>>().GetUserId(principal)
            : null;
    }

    private static async Task<string?> ClientIdAsync(HttpContext context)
    {
        var clientId = (await ReadFormAsync(context))?[Parameters.ClientId].ToString();
        if (string.IsNullOrEmpty(clientId) && AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } parameter)
        {
            clientId = BasicUserName(parameter);
        }

        return string.IsNullOrEmpty(clientId) || clientId.Length > MaxKeyLength ? null : clientId;
    }

    /// <summary>The client_id of HTTP Basic credentials: form-urlencoded, then base64 (RFC 6749 §2.3.1).</summary>
    private static string? BasicUserName(string parameter)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the form once; the page or OpenIddict later reuses the same parsed form. A malformed body gives no key,
    /// and the request is still limited per address.
    /// </summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
