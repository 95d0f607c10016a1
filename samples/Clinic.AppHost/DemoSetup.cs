namespace Clinic.AppHost;

/// <summary>
/// Registers what the demo needs at the IdP through its admin command line, finding before creating, so running the
/// demo again changes nothing (the Velusia-style "find, then create" seeding).
/// </summary>
internal static class DemoSetup
{
    public static async Task RegisterAsync(string serverProject, DemoState state)
    {
        Console.WriteLine("Registering the demo's API scope, clients and user at ClinikoIdP (nothing changes if they exist)...");
        var cli = new AdminCli(serverProject, state.ConnectionString);

        if ((await cli.RunAsync("scope", "show", DemoClients.ApiScope)).ExitCode != 0)
        {
            await cli.RequireAsync("scope", "create", "--name", DemoClients.ApiScope, "--resource", DemoClients.ApiResource,
                "--display-name", "Read patient records");
        }

        await EnsureClientAsync(cli, DemoClients.Appointments, DemoClients.AppointmentsClient(state.AppointmentsSecret));
        await EnsureClientAsync(cli, DemoClients.Billing, DemoClients.BillingClient(state.BillingSecret));

        var users = await cli.RequireAsync("user", "list");
        if (!users.Output.Contains(DemoClients.DemoUserEmail, StringComparison.OrdinalIgnoreCase))
        {
            await cli.RequireAsync("user", "create", "--email", DemoClients.DemoUserEmail, "--password", state.DemoPassword,
                "--name", DemoClients.DemoUserName);
        }
    }

    /// <summary>Restores the repository's local .NET tools (smtp4dev), as a fresh clone has only the SDK.</summary>
    public static async Task RestoreToolsAsync(string repositoryRoot)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", ["tool", "restore"])
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start) ?? throw new DemoSetupException("dotnet could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        if (process.ExitCode != 0)
        {
            throw new DemoSetupException($"dotnet tool restore failed: {(await error).Trim()}");
        }
    }

    public static void PrintWelcome(DemoState state)
    {
        Console.WriteLine($"""

            ClinikoIdP demo
              Identity provider     {DemoPorts.IdPUrl}
              Appointments          {DemoPorts.Url(DemoPorts.Appointments)}   (ASP.NET Core OpenID Connect handler)
              Billing               {DemoPorts.Url(DemoPorts.Billing)}   (OpenIddict.Client, requires MFA)
              Patient-records API   {DemoPorts.Url(DemoPorts.PatientRecordsApi)}patients   (bearer token, scope patients.read)
              Email (smtp4dev)      {DemoPorts.Url(DemoPorts.MailWeb)}   (every email the IdP sends: resets, notifications)
              Aspire dashboard      http://127.0.0.1:18888   (open the login link Aspire prints below)

            Sign in as {DemoClients.DemoUserEmail} with password {state.DemoPassword}
            The first sign-in enrols an authenticator: scan the QR code (or type the key) into any authenticator app,
            enter its 6-digit code, and keep the backup codes. Then open Billing: no prompt (single sign-on).
            Sign out in either app and the other one asks you to sign in again (back-channel logout).
            Demo state (database, secrets) is in {state.Directory}; delete that folder to start afresh. Ctrl+C stops everything.

            """);
    }

    private static async Task EnsureClientAsync(AdminCli cli, string clientId, string[] create)
    {
        // "client show" exits 1 when the client does not exist.
        if ((await cli.RunAsync("client", "show", clientId)).ExitCode != 0)
        {
            await cli.RequireAsync(create);
        }
    }
}
