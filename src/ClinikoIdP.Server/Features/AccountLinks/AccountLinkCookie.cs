using ClinikoIdP.Server.Features.Session;
using Microsoft.AspNetCore.DataProtection;

namespace ClinikoIdP.Server.Features.AccountLinks;

/// <summary>
/// Takes an emailed link's token out of the address bar: the page that opens the link checks the token (without
/// using it: mail scanners open links too), keeps it in this short-lived, encrypted, HTTP-only cookie and redirects
/// to its own address without the query, so the token does not linger in history, logs of later requests or
/// screenshots. The form then reads the token from here.
/// </summary>
public sealed class AccountLinkCookie(IHttpContextAccessor httpContextAccessor, IDataProtectionProvider dataProtection, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private HttpContext Http => httpContextAccessor.HttpContext
        ?? throw new InvalidOperationException("An account link cookie exists only during a request.");

    private ITimeLimitedDataProtector Protector(string purpose) =>
        dataProtection.CreateProtector("ClinikoIdP.AccountLinks.Cookie.v1", purpose).ToTimeLimitedDataProtector();

    public void Keep(string purpose, string token)
    {
        var request = Http.Request;
        Http.Response.Cookies.Append(Name(purpose, request.IsHttps), Protector(purpose).Protect(token, time.GetUtcNow() + Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>The token kept for <paramref name="purpose"/>, or null (none, tampered or older than 30 minutes).</summary>
    public string? Read(string purpose)
    {
        if (!Http.Request.Cookies.TryGetValue(Name(purpose, Http.Request.IsHttps), out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var token = Protector(purpose).Unprotect(value, out var expiration);
            return expiration > time.GetUtcNow() ? token : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public void Clear(string purpose)
    {
        var request = Http.Request;
        Http.Response.Cookies.Delete(Name(purpose, request.IsHttps), new CookieOptions { Path = "/", Secure = request.IsHttps });
    }

    private static string Name(string purpose, bool secure) =>
        SessionCookies.WithHostPrefix("ClinikoIdP.Link." + purpose, secure);
}
