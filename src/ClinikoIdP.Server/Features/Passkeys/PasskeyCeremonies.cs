using System.Text.Json;
using ClinikoIdP.Server.Features.Session;
using Microsoft.AspNetCore.DataProtection;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// Keeps the state of the one WebAuthn ceremony a browser may have under way. The challenge lives in a
/// Data-Protected, HTTP-only, same-site cookie (never in the page), bound to the ceremony's purpose and person, valid
/// for <see cref="Lifetime"/>, and removed when its answer arrives, whatever the answer. Replaying the cookie later
/// does not help: a passkey's use is also claimed on the server (<see cref="PasskeyCredentials.ClaimUseAsync"/>).
/// </summary>
public sealed class PasskeyCeremonies(
    IHttpContextAccessor httpContextAccessor, IDataProtectionProvider dataProtection, IHostEnvironment environment, TimeProvider time)
{
    public const string CookieName = "ClinikoIdP.Passkey";

    /// <summary>Long enough to find a security key or a phone; the browser's own timeout is shorter.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly IDataProtector protector = dataProtection.CreateProtector("ClinikoIdP.Passkeys.Ceremony.v1");

    private HttpContext Http => httpContextAccessor.HttpContext
        ?? throw new InvalidOperationException("A passkey ceremony exists only during a request.");

    private bool Secure => !environment.IsDevelopment();

    private string Name => SessionCookies.WithHostPrefix(CookieName, Secure);

    public void Begin(PasskeyCeremonyPurpose purpose, string? userId, string state)
    {
        var ticket = new PasskeyCeremonyTicket(purpose, userId, state, time.GetUtcNow());
        Http.Response.Cookies.Append(Name, protector.Protect(JsonSerializer.Serialize(ticket)), new CookieOptions
        {
            HttpOnly = true,
            Secure = Secure || Http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>
    /// Returns the ceremony under way when it is for this purpose (and person) and still fresh, and ends it either way:
    /// each challenge gets exactly one answer.
    /// </summary>
    public PasskeyCeremonyTicket? Take(PasskeyCeremonyPurpose purpose, string? userId)
    {
        var value = Http.Request.Cookies[Name];
        Http.Response.Cookies.Delete(Name, new CookieOptions { Path = "/", Secure = Secure || Http.Request.IsHttps, SameSite = SameSiteMode.Strict });
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        PasskeyCeremonyTicket? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<PasskeyCeremonyTicket>(protector.Unprotect(value));
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }

        var now = time.GetUtcNow();
        return ticket is not null && ticket.Purpose == purpose && ticket.UserId == userId
            && ticket.StartedAt <= now && now - ticket.StartedAt <= Lifetime
            ? ticket
            : null;
    }
}
