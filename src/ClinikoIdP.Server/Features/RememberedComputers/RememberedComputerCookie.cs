using System.Security.Cryptography;
using System.Text;
using ClinikoIdP.Server.Features.Session;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace ClinikoIdP.Server.Features.RememberedComputers;

/// <summary>
/// The browser's half of a remembered computer: one cookie per person (named after a hash of their id, so several
/// people at one computer each keep their own), holding their id and a 256-bit random token, encrypted and signed
/// with Data Protection. The server keeps only the token's SHA-256, so a copy of the database opens no browser.
/// </summary>
public sealed class RememberedComputerCookie(IDataProtectionProvider dataProtection, IHostEnvironment environment)
{
    public const string NamePrefix = "ClinikoIdP.Computer.";

    private const int TokenBytes = 32;
    private const int MaxCookieLength = 1024;

    private readonly IDataProtector protector = dataProtection.CreateProtector("ClinikoIdP.RememberedComputer.v1");

    /// <summary>The cookie name for one person in this environment (with <c>__Host-</c> wherever cookies are Secure).</summary>
    public string NameFor(string userId) => SessionCookies.WithHostPrefix(NamePrefix + ShortHash(userId), SecureEnvironment);

    /// <summary>A new random token: the cookie carries it, the database its hash.</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Lower-case hex SHA-256 of a token, as stored in <see cref="RememberedComputerRecord.TokenHash"/>.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public void Write(HttpContext http, string userId, string token, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(NameFor(userId), protector.Protect(userId + "\n" + token), Options(http, expiresAt));
    }

    /// <summary>This person's token from this browser, or null when there is none or it is not one this server made for them.</summary>
    public string? ReadToken(HttpContext http, string userId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Cookies.TryGetValue(NameFor(userId), out var value) || string.IsNullOrEmpty(value) || value.Length > MaxCookieLength)
        {
            return null;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('\n');
        return parts.Length == 2 && string.Equals(parts[0], userId, StringComparison.Ordinal) && parts[1].Length > 0 ? parts[1] : null;
    }

    public void Delete(HttpContext http, string userId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Cookies.ContainsKey(NameFor(userId)))
        {
            http.Response.Cookies.Delete(NameFor(userId), Options(http, expiresAt: null));
        }
    }

    private bool SecureEnvironment => !environment.IsDevelopment();

    private CookieOptions Options(HttpContext http, DateTimeOffset? expiresAt) => new()
    {
        HttpOnly = true,
        Secure = SecureEnvironment || http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        Expires = expiresAt,
        IsEssential = true,
    };

    // Not secret (a user id is the token's sub), only short: it keeps one person's cookie apart from another's.
    private static string ShortHash(string userId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16];
}
