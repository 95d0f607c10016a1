namespace ClinikoIdP.Server.Features.Clients;

/// <summary>The rules every registration obeys, whoever makes it (command line or console); no database needed.</summary>
public static class ClientRegistrationRules
{
    public static IReadOnlyList<ClientProblem> Check(ClientRegistration registration)
    {
        var problems = new List<ClientProblem>();
        if (string.IsNullOrWhiteSpace(registration.ClientId) || registration.ClientId.Length > ClientSettings.MaxClientIdLength
            || registration.ClientId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problems.Add(new(ClientField.ClientId, $"The client id must be 1 to {ClientSettings.MaxClientIdLength} characters without spaces."));
        }

        if (!registration.Interactive && !registration.ClientCredentials)
        {
            problems.Add(new(ClientField.RedirectUris,
                "Give at least one redirect URI (an app users sign in to), or allow client credentials (a machine-to-machine app)."));
        }

        if (registration.Kind == ClientKind.Public && registration.ClientCredentials)
        {
            problems.Add(new(ClientField.Kind, "A public client cannot use client credentials: it has no secret."));
        }

        if (registration.Kind == ClientKind.Confidential && registration.Secret is { Length: < ClientSettings.MinimumSecretLength })
        {
            problems.Add(new(ClientField.Secret,
                $"The client secret must be at least {ClientSettings.MinimumSecretLength} characters; leave --secret out to have a strong one generated."));
        }

        problems.AddRange(CheckUris(ClientField.RedirectUris, registration.RedirectUris));
        problems.AddRange(CheckUris(ClientField.PostLogoutRedirectUris, registration.PostLogoutRedirectUris));
        if (registration.BackChannelLogoutUri is { } backChannel)
        {
            problems.AddRange(CheckUris(ClientField.BackChannelLogoutUri, [backChannel]));
        }

        if (registration.AccessTokenLifetime is { } lifetime
            && (lifetime < ClientSettings.MinAccessTokenLifetime || lifetime > ClientSettings.MaxAccessTokenLifetime))
        {
            problems.Add(new(ClientField.AccessTokenLifetime, "The access-token lifetime must be between 1 minute and 24 hours."));
        }

        return problems;
    }

    private static IEnumerable<ClientProblem> CheckUris(ClientField field, IReadOnlyList<string> uris)
    {
        for (var index = 0; index < uris.Count; index++)
        {
            if (RedirectUriRules.Check(uris[index]) is { } problem)
            {
                yield return new(field, $"The URI '{Shorten(uris[index])}' {problem}.", index + 1);
            }
        }
    }

    private static string Shorten(string uri) => uri.Length <= 80 ? uri : uri[..77] + "...";
}
