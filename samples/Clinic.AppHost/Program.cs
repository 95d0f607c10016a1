using Clinic.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Demo state (database, generated client secrets and password) lives in .demo/ beside this project, never in source.
var state = DemoState.LoadOrCreate(Path.Combine(builder.AppHostDirectory, ".demo"));
try
{
    await DemoSetup.RestoreToolsAsync(Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..")));
    await DemoSetup.RegisterAsync(new Projects.ClinikoIdP_Server().ProjectPath, state);
}
catch (DemoSetupException failed)
{
    await Console.Error.WriteLineAsync($"error: {failed.Message}");
    return 1;
}

// A real SMTP server for the demo (smtp4dev, a local .NET tool of this repository): the IdP's emails are really sent,
// and read on its web page.
var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
var mail = builder.AddExecutable("mail", "dotnet", repositoryRoot,
        "tool", "run", "smtp4dev", "--", $"--smtpport={DemoPorts.Smtp}", $"--urls={DemoPorts.Url(DemoPorts.MailWeb)}",
        "--db=", "--imapport=", "--pop3port=", "--nousersettings", "--hostname=localhost");

var idp = builder.AddProject<Projects.ClinikoIdP_Server>("clinikoidp", launchProfileName: null)
    .WithHttpEndpoint(port: DemoPorts.IdP, isProxied: false)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
    .WithEnvironment("ConnectionStrings__IdP", state.ConnectionString)
    .WithEnvironment("IdP__Issuer", DemoPorts.IdPUrl)
    .WithEnvironment("Email__Smtp__Host", "localhost")
    .WithEnvironment("Email__Smtp__Port", DemoPorts.Smtp.ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithEnvironment("Email__Smtp__Security", "None")
    .WithEnvironment("Email__From", "no-reply@clinic.localhost")
    .WithEnvironment("Email__FromName", "Demo Clinic")
    .WaitFor(mail)
    .WithHttpHealthCheck("/.well-known/openid-configuration");

builder.AddProject<Projects.Clinic_PatientRecords_Api>("patient-records-api", launchProfileName: null)
    .WithHttpEndpoint(port: DemoPorts.PatientRecordsApi, isProxied: false)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
    .WithEnvironment("ClinikoIdP__Authority", DemoPorts.IdPUrl)
    .WaitFor(idp);

builder.AddProject<Projects.Clinic_Appointments>("appointments", launchProfileName: null)
    .WithHttpEndpoint(port: DemoPorts.Appointments, isProxied: false)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
    .WithEnvironment("ClinikoIdP__Authority", DemoPorts.IdPUrl)
    .WithEnvironment("ClinikoIdP__ClientId", DemoClients.Appointments)
    .WithEnvironment("ClinikoIdP__ClientSecret", state.AppointmentsSecret)
    .WithEnvironment("PatientRecordsApi__BaseUrl", DemoPorts.Url(DemoPorts.PatientRecordsApi))
    .WaitFor(idp);

builder.AddProject<Projects.Clinic_Billing>("billing", launchProfileName: null)
    .WithHttpEndpoint(port: DemoPorts.Billing, isProxied: false)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
    .WithEnvironment("ClinikoIdP__Authority", DemoPorts.IdPUrl)
    .WithEnvironment("ClinikoIdP__ClientId", DemoClients.Billing)
    .WithEnvironment("ClinikoIdP__ClientSecret", state.BillingSecret)
    .WaitFor(idp);

DemoSetup.PrintWelcome(state);
await builder.Build().RunAsync();
return 0;
