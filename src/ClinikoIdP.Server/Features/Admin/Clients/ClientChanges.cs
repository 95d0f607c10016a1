using System.Globalization;
using ClinikoIdP.Server.Features.Clients;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>Describes a registration, or what an edit changed in it, for the audit trail (never a secret).</summary>
public static class ClientChanges
{
    public static string DescribeNew(ClientRegistration registration) =>
        $"Registered {ClientTypeNames.Label(ClientTypeNames.Of(registration))} '{registration.DisplayName}'; "
        + string.Join("; ", Facts(registration).Where(f => f.Value.Length > 0).Select(f => $"{f.Name}: {f.Value}"));

    /// <summary>"redirect URIs: a → b; require MFA: no → yes", or a note that nothing changed.</summary>
    public static string DescribeChanges(ClientRegistration before, ClientRegistration after)
    {
        var changes = Facts(before).Zip(Facts(after))
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => $"{pair.First.Name}: {Show(pair.First.Value)} -> {Show(pair.Second.Value)}")
            .ToList();
        return changes.Count == 0 ? "Saved without changes" : "Changed " + string.Join("; ", changes);
    }

    private static string Show(string value) => value.Length == 0 ? "(none)" : value;

    private static IEnumerable<(string Name, string Value)> Facts(ClientRegistration registration)
    {
        yield return ("name", registration.DisplayName ?? "");
        yield return ("type", ClientTypeNames.Label(ClientTypeNames.Of(registration)));
        yield return ("redirect URIs", string.Join(' ', registration.RedirectUris.Order(StringComparer.Ordinal)));
        yield return ("post-logout URIs", string.Join(' ', registration.PostLogoutRedirectUris.Order(StringComparer.Ordinal)));
        yield return ("back-channel logout URI", registration.BackChannelLogoutUri ?? "");
        yield return ("scopes", string.Join(' ', ClientDescriptors.AllowedScopes(registration).Order(StringComparer.Ordinal)));
        yield return ("client credentials", registration.ClientCredentials ? "yes" : "");
        yield return ("require MFA", registration.RequireMfa ? "yes" : "no");
        yield return ("require phishing-resistant", registration.RequirePhishingResistant ? "yes" : "no");
        yield return ("consent", registration.ThirdParty ? "third-party" : "first-party");
        yield return ("access-token lifetime", registration.AccessTokenLifetime is { } lifetime
            ? ((int)lifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min"
            : "server default");
    }
}
