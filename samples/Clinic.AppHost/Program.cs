using Clinic.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Demo state (database, generated client secrets and password) lives in .demo/ beside this project, never in source.
var state = DemoState.LoadOrCreate(Path.Combine(builder.AppHostDirectory, ".demo"));
try
{
    await DemoSetup.RegisterAsync(new Projects.ClinikoIdP_Server().ProjectPath, state);
}
catch (DemoSetupException failed)
{
    await Console.Error.WriteLineAsync($"error: {failed.Message}");
    return 1;
}

var idp = builder.AddProject<Projects.ClinikoIdP_Server>("clinikoidp", launchProfileName: null)
    .WithHttpEndpoint(port: DemoPorts.IdP, isProxied: false)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
    .WithEnvironment("ConnectionStrings__IdP", state.ConnectionString)
    .WithEnvironment("IdP__Issuer", DemoPorts.IdPUrl)
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
