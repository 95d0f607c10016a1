using System.Globalization;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ClinikoIdP.IntegrationTests.Operations;

/// <summary>The product's default policy with email on, every log event of the server kept in <see cref="Logs"/>.</summary>
public sealed class LogCapturingIdpFactory : IdpFactory, IAsyncLifetime
{
    private LogCapturingIdpFactory(LoopbackSmtpServer mail)
        : base(TwoFactorEnforcement.Always, new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = nameof(SmtpSecurity.None),
            ["Email:From"] = "no-reply@clinic.example",
        })
    {
        Mail = mail;
    }

    public LogCapturingIdpFactory()
        : this(LoopbackSmtpServer.Start())
    {
    }

    public LoopbackSmtpServer Mail { get; }

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // A rule for this provider alone outranks every category rule of appsettings.json: it sees Trace everywhere.
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Mail.DisposeAsync();
        await base.DisposeAsync();
    }
}
