using System.CommandLine;
using ClinikoIdP.Server.Features.Common;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Cli;

internal static class ScopeCommands
{
    public static Command Build(CliRuntime runtime)
    {
        var name = new Option<string>("--name") { Description = "The scope's name, e.g. patients.read.", Required = true };
        var resource = new Option<string[]>("--resource") { Description = "An API (audience) the scope grants access to. Repeat for several." };
        var displayName = new Option<string?>("--display-name") { Description = "What the consent page shows, e.g. \"Read patient records\"." };
        var create = new Command("create", "Create an API scope.") { name, resource, displayName };
        runtime.SetAction(create, async (services, parsed, ct) =>
        {
            var scopes = services.GetRequiredService<IOpenIddictScopeManager>();
            var scopeName = parsed.GetValue(name)!.Trim();
            if (scopeName.Length is 0 or > 100 || scopeName.Any(c => c is ' ' or '"' or '\\' || c < '!' || c > '~'))
            {
                throw new OperationRefusedException("A scope name is 1 to 100 printable ASCII characters without spaces, quotes or backslashes (RFC 6749 §3.3).");
            }

            if (await scopes.FindByNameAsync(scopeName, ct) is not null)
            {
                throw new OperationRefusedException($"The scope '{scopeName}' already exists.");
            }

            var descriptor = new OpenIddictScopeDescriptor { Name = scopeName, DisplayName = parsed.GetValue(displayName) ?? scopeName };
            descriptor.Resources.UnionWith(parsed.GetValue(resource) ?? []);
            await scopes.CreateAsync(descriptor, ct);
            await runtime.Output.WriteLineAsync($"Created scope {scopeName}{(descriptor.Resources.Count > 0 ? " for " + string.Join(", ", descriptor.Resources) : "")}.");
        });

        var list = new Command("list", "List API scopes and the resources (audiences) they grant.");
        runtime.SetAction(list, async (services, _, ct) =>
        {
            var scopes = services.GetRequiredService<IOpenIddictScopeManager>();
            await runtime.Output.WriteLineAsync($"{"NAME",-32} {"RESOURCES",-40} {"DISPLAY NAME"}");
            await foreach (var scope in scopes.ListAsync(cancellationToken: ct))
            {
                await runtime.Output.WriteLineAsync(
                    $"{await scopes.GetNameAsync(scope, ct),-32} {string.Join(' ', await scopes.GetResourcesAsync(scope, ct)),-40} {await scopes.GetDisplayNameAsync(scope, ct)}");
            }
        });

        var showName = new Argument<string>("name") { Description = "The scope's name." };
        var show = new Command("show", "Show one API scope; exits 1 when it does not exist.") { showName };
        runtime.SetAction(show, async (services, parsed, ct) =>
        {
            var scopes = services.GetRequiredService<IOpenIddictScopeManager>();
            var scope = await scopes.FindByNameAsync(parsed.GetValue(showName)!, ct)
                ?? throw new OperationRefusedException($"No scope named '{parsed.GetValue(showName)}'.");
            await runtime.Output.WriteLineAsync($"Name:         {await scopes.GetNameAsync(scope, ct)}");
            await runtime.Output.WriteLineAsync($"Display name: {await scopes.GetDisplayNameAsync(scope, ct)}");
            foreach (var resource in await scopes.GetResourcesAsync(scope, ct))
            {
                await runtime.Output.WriteLineAsync($"Resource:     {resource}");
            }
        });

        return new Command("scope", "Create and list API scopes that clients may request.") { create, list, show };
    }
}
