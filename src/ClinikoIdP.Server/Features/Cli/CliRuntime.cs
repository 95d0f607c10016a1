using System.CommandLine;
using System.Data.Common;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClinikoIdP.Server.Features.Cli;

/// <summary>Runs one admin verb against the configured database, turning every failure into one line on stderr.</summary>
public sealed class CliRuntime(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings)
{
    public TextWriter Output { get; } = output;

    /// <param name="prepareDatabase">
    /// Migrate and create missing keys first (every verb but the <c>db</c> ones, which decide that themselves).
    /// </param>
    public void SetAction(
        Command command, Func<IServiceProvider, ParseResult, CancellationToken, Task> action, bool prepareDatabase = true) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, action, prepareDatabase, cancellationToken));

    private async Task<int> RunAsync(
        ParseResult parseResult,
        Func<IServiceProvider, ParseResult, CancellationToken, Task> action,
        bool prepareDatabase,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var host = BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            if (prepareDatabase)
            {
                await DatabaseInitializer.PrepareAsync(scope.ServiceProvider, migrate: true, NullLogger.Instance, cancellationToken);
            }

            await action(scope.ServiceProvider, parseResult, cancellationToken);
            return 0;
        }
        catch (OperationRefusedException refused)
        {
            await error.WriteLineAsync($"error: {refused.Message}");
            return 1;
        }
        catch (DbException database)
        {
            await error.WriteLineAsync($"error: the database could not be used ({database.Message.Split('\n')[0]}). Check ConnectionStrings:IdP.");
            return 1;
        }
        catch (Exception unexpected) when (unexpected is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {unexpected.Message.Split('\n')[0]}");
            return 1;
        }
    }

    private WebApplication BuildHost()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        builder.Services.AddIdpCore(builder.Configuration, builder.Environment);
        return builder.Build();
    }
}
