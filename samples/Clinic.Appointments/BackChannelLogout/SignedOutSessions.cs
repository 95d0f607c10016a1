using System.Collections.Concurrent;
using Clinic.Appointments.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Clinic.Appointments.BackChannelLogout;

/// <summary>
/// The IdP sessions that ended (by sid) and the users signed out everywhere (by sub, with the moment), kept as long
/// as a local cookie can live. In memory: an app running on several nodes needs a shared store.
/// </summary>
public sealed class SignedOutSessions(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> subjects = new(StringComparer.Ordinal);

    /// <summary>Back-Channel Logout §2.7: with a sid, that session ends; with only a sub, every session of the user.</summary>
    public void SignOut(string? sessionId, string? subject, DateTimeOffset at)
    {
        Prune();
        if (sessionId is not null)
        {
            sessions[sessionId] = at;
        }
        else if (subject is not null)
        {
            subjects.AddOrUpdate(subject, at, (_, previous) => previous > at ? previous : at);
        }
    }

    public bool IsSignedOut(string? sessionId, string? subject, DateTimeOffset? signedInAt) =>
        (sessionId is not null && sessions.ContainsKey(sessionId))
        || (subject is not null && subjects.TryGetValue(subject, out var at) && (signedInAt is null || signedInAt <= at));

    /// <summary>The cookie handler's OnValidatePrincipal: refuse the cookie of a session the IdP ended.</summary>
    public static async Task RejectSignedOutPrincipalAsync(CookieValidatePrincipalContext context)
    {
        var signedOut = context.HttpContext.RequestServices.GetRequiredService<SignedOutSessions>();
        var principal = context.Principal;
        if (principal is not null
            && signedOut.IsSignedOut(principal.FindFirst("sid")?.Value, principal.FindFirst("sub")?.Value, context.Properties.IssuedUtc))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private void Prune()
    {
        var horizon = time.GetUtcNow() - ClinikoIdPSignIn.SessionLifetime;
        foreach (var (key, at) in sessions)
        {
            if (at < horizon)
            {
                sessions.TryRemove(key, out _);
            }
        }

        foreach (var (key, at) in subjects)
        {
            if (at < horizon)
            {
                subjects.TryRemove(key, out _);
            }
        }
    }
}
