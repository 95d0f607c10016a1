using System.CommandLine;
using ClinikoIdP.Server.Features.Clients;
using ClinikoIdP.Server.Features.Common;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Cli;

internal static class ClientCommands
{
    public static Command Build(CliRuntime runtime)
    {
        var client = new Command("client", "Register and manage the clinic apps that sign users in with ClinikoIdP.");
        client.Subcommands.Add(BuildCreate(runtime));

        var list = new Command("list", "List registered clients.");
        runtime.SetAction(list, async (services, _, ct) =>
        {
            var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
            await runtime.Output.WriteLineAsync($"{"CLIENT ID",-32} {"TYPE",-13} {"NAME"}");
            await foreach (var application in applications.ListAsync(cancellationToken: ct))
            {
                await runtime.Output.WriteLineAsync(
                    $"{await applications.GetClientIdAsync(application, ct),-32} {await applications.GetClientTypeAsync(application, ct),-13} {await applications.GetDisplayNameAsync(application, ct)}");
            }
        });

        var showId = new Argument<string>("client-id") { Description = "The client's id." };
        var show = new Command("show", "Show a client's settings.") { showId };
        runtime.SetAction(show, async (services, parsed, ct) =>
        {
            var registrar = services.GetRequiredService<ClientRegistrar>();
            var application = await registrar.FindAsync(parsed.GetValue(showId)!, ct);
            await ClientDescription.WriteAsync(services.GetRequiredService<IOpenIddictApplicationManager>(), application, runtime.Output, ct);
        });

        var deleteId = new Argument<string>("client-id") { Description = "The client's id." };
        var delete = new Command("delete", "Delete a client and revoke everything issued to it.") { deleteId };
        runtime.SetAction(delete, async (services, parsed, ct) =>
        {
            await services.GetRequiredService<ClientRegistrar>().DeleteAsync(parsed.GetValue(deleteId)!, ct);
            await runtime.Output.WriteLineAsync($"Deleted client {parsed.GetValue(deleteId)} and its tokens.");
        });

        var rotateId = new Argument<string>("client-id") { Description = "The client's id." };
        var rotate = new Command("rotate-secret", "Replace a confidential client's secret; the new one is shown once.") { rotateId };
        runtime.SetAction(rotate, async (services, parsed, ct) =>
        {
            var secret = await services.GetRequiredService<ClientRegistrar>().RotateSecretAsync(parsed.GetValue(rotateId)!, ct);
            await runtime.Output.WriteLineAsync($"New secret for {parsed.GetValue(rotateId)} (shown once, store it now): {secret}");
        });

        client.Subcommands.Add(BuildSetKeys(runtime));
        client.Subcommands.Add(list);
        client.Subcommands.Add(show);
        client.Subcommands.Add(delete);
        client.Subcommands.Add(rotate);
        return client;
    }

    private static Command BuildSetKeys(CliRuntime runtime)
    {
        var clientId = new Argument<string>("client-id") { Description = "The client's id." };
        var jwks = new Option<FileInfo?>("--jwks") { Description = "A JSON Web Key Set file with the client's PUBLIC signing keys (RSA >= 2048 bits or EC)." };
        var keysOnly = new Option<bool>("--keys-only") { Description = "Also retire the client's secret: only signed assertions authenticate it from now on." };
        var remove = new Option<bool>("--remove") { Description = "Remove the client's keys (it authenticates with its secret again)." };
        var setKeys = new Command("set-keys", "Let a confidential client authenticate with private_key_jwt (client assertions signed with its own key).")
        {
            clientId, jwks, keysOnly, remove,
        };
        setKeys.Validators.Add(result =>
        {
            if ((result.GetValue(jwks) is null) == !result.GetValue(remove))
            {
                result.AddError("Give either --jwks FILE or --remove.");
            }
            else if (result.GetValue(remove) && result.GetValue(keysOnly))
            {
                result.AddError("--keys-only cannot be used with --remove: rotate the secret to use one again.");
            }
        });
        runtime.SetAction(setKeys, async (services, parsed, ct) =>
        {
            var id = parsed.GetValue(clientId)!;
            var file = parsed.GetValue(jwks);
            JsonWebKeySet? keys = null;
            if (file is not null)
            {
                if (!file.Exists || file.Length > 64 * 1024)
                {
                    throw new OperationRefusedException($"Cannot read '{file.FullName}': it does not exist or is larger than 64 KB.");
                }

                try
                {
                    keys = ClientKeys.Parse(await File.ReadAllTextAsync(file.FullName, ct));
                }
                catch (ArgumentException invalid)
                {
                    throw new OperationRefusedException(invalid.Message);
                }
            }

            await services.GetRequiredService<ClientRegistrar>().SetKeysAsync(id, keys, parsed.GetValue(keysOnly), ct);
            await runtime.Output.WriteLineAsync(keys is null
                ? $"Removed the keys of {id}; it authenticates with its secret."
                : $"{id} may now authenticate with private_key_jwt ({keys.Keys.Count} key(s)){(parsed.GetValue(keysOnly) ? "; its secret no longer works" : "")}.");
        });
        return setKeys;
    }

    private static Command BuildCreate(CliRuntime runtime)
    {
        var clientId = new Option<string>("--client-id") { Description = "The id the app presents (e.g. clinic-appointments).", Required = true };
        var secret = new Option<string?>("--secret") { Description = $"The secret of a confidential client (at least {ClientSettings.MinimumSecretLength} characters); generated and shown once when left out." };
        var isPublic = new Option<bool>("--public") { Description = "A public client (single-page or native app): no secret, PKCE only." };
        var redirect = new Option<string[]>("--redirect-uri") { Description = "A redirect URI, matched exactly. Repeat for several.", AllowMultipleArgumentsPerToken = false };
        var postLogout = new Option<string[]>("--post-logout-redirect-uri") { Description = "Where to return after sign-out. Repeat for several." };
        var displayName = new Option<string?>("--display-name") { Description = "The name users see." };
        var scope = new Option<string[]>("--scope") { Description = "A scope the client may request (default: openid profile email offline_access). Repeat for several." };
        var clientCredentials = new Option<bool>("--client-credentials") { Description = "Allow the client-credentials grant (machine-to-machine)." };
        var requireMfa = new Option<bool>("--require-mfa") { Description = "Every sign-in to this app must pass a second factor." };
        var requirePhishingResistant = new Option<bool>("--require-phishing-resistant") { Description = "Every sign-in to this app must use a passkey (phishing-resistant)." };
        var backChannel = new Option<string?>("--backchannel-logout-uri") { Description = "The app's OIDC back-channel logout URI." };
        var thirdParty = new Option<bool>("--third-party") { Description = "Ask users for consent (apps not run by the clinic)." };

        var create = new Command("create", "Register a client app.")
        {
            clientId, secret, isPublic, redirect, postLogout, displayName, scope, clientCredentials, requireMfa, requirePhishingResistant, backChannel, thirdParty,
        };
        create.Validators.Add(result =>
        {
            if (result.GetValue(secret) is not null && result.GetValue(isPublic))
            {
                result.AddError("--secret and --public cannot be used together.");
            }
        });
        runtime.SetAction(create, async (services, parsed, ct) =>
        {
            var registration = new ClientRegistration
            {
                ClientId = parsed.GetValue(clientId)!,
                Kind = parsed.GetValue(isPublic) ? ClientKind.Public : ClientKind.Confidential,
                Secret = parsed.GetValue(secret),
                DisplayName = parsed.GetValue(displayName),
                RedirectUris = parsed.GetValue(redirect) ?? [],
                PostLogoutRedirectUris = parsed.GetValue(postLogout) ?? [],
                Scopes = parsed.GetValue(scope) ?? [],
                ClientCredentials = parsed.GetValue(clientCredentials),
                RequireMfa = parsed.GetValue(requireMfa),
                RequirePhishingResistant = parsed.GetValue(requirePhishingResistant),
                ThirdParty = parsed.GetValue(thirdParty),
                BackChannelLogoutUri = parsed.GetValue(backChannel),
            };
            var issuedSecret = await services.GetRequiredService<ClientRegistrar>().CreateAsync(registration, ct);
            await runtime.Output.WriteLineAsync($"Created client {registration.ClientId}.");
            if (issuedSecret is not null && registration.Secret is null)
            {
                await runtime.Output.WriteLineAsync($"Client secret (shown once, store it now): {issuedSecret}");
            }
        });
        return create;
    }
}
