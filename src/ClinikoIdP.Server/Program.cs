using ClinikoIdP.Server.Features.Cli;
using ClinikoIdP.Server.Hosting;

if (AdminCommandLine.IsAdminInvocation(args))
{
    return await AdminCommandLine.RunAsync(args);
}

// appsettings*.json are read once, at start. The default SQLite file lives in the content root beside them, and the
// watch that reloads them on change woke for every database write (issue #7: ~4% of a core at 1,000 writes a second).
// An operator's own --hostBuilder:reloadConfigOnChange=true comes later in the arguments and still wins.
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
builder.AddIdpWebServer();

var app = builder.Build();
app.BeginDatabasePreparation();
app.UseIdpPipeline();
await app.RunAsync();
return 0;
