using ClinikoIdP.Server.Features.Cli;
using ClinikoIdP.Server.Hosting;

if (AdminCommandLine.IsAdminInvocation(args))
{
    return await AdminCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddIdpWebServer();

var app = builder.Build();
app.BeginDatabasePreparation();
app.UseIdpPipeline();
await app.RunAsync();
return 0;
