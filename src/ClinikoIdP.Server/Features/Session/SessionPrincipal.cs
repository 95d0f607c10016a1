using System.Globalization;
using System.Security.Claims;

namespace ClinikoIdP.Server.Features.Session;

/// <summary>Reads and writes the session facts carried by the session cookie's principal.</summary>
public static class SessionPrincipal
{
    public static void CopySessionClaims(ClaimsPrincipal from, ClaimsPrincipal to)
    {
        if (to.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        foreach (var claim in from.Claims.Where(c => SessionClaims.Carried.Contains(c.Type)))
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType));
        }
    }

    public static IReadOnlyList<string> GetAuthenticationMethods(this ClaimsPrincipal principal) =>
        [.. principal.FindAll(SessionClaims.AuthenticationMethod).Select(c => c.Value)];

    public static DateTimeOffset? GetAuthenticationTime(this ClaimsPrincipal principal) =>
        ReadUnixTime(principal, SessionClaims.AuthenticationTime);

    public static DateTimeOffset? GetSessionStarted(this ClaimsPrincipal principal) =>
        ReadUnixTime(principal, SessionClaims.SessionStarted);

    public static string? GetSessionId(this ClaimsPrincipal principal) =>
        principal.FindFirst(SessionClaims.SessionId)?.Value;

    public static string ToUnixTimeString(DateTimeOffset time) =>
        time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? ReadUnixTime(ClaimsPrincipal principal, string type) =>
        long.TryParse(principal.FindFirst(type)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
