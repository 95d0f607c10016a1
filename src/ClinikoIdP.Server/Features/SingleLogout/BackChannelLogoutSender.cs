using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Operations.Telemetry;
using ClinikoIdP.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.SingleLogout;

/// <summary>
/// Delivers queued logout notices in the background: each app on its own (one app down never delays the others),
/// with a timeout per request and retries with growing delays, then gives up and records why.
/// </summary>
public sealed class BackChannelLogoutSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    LogoutTokenFactory tokens,
    ObservedIssuer issuer,
    IOptions<IdpOptions> options,
    TimeProvider time,
    IdpMetrics metrics,
    ILogger<BackChannelLogoutSender> logger) : BackgroundService
{
    public const string HttpClientName = "backchannel-logout";
    public const int MaxAttempts = 5;
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                Log.BackChannelLogoutQueueFailed(logger, exception);
            }

            try
            {
                await Task.Delay(options.Value.BackChannelLogoutPollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends every notice that is due; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (issuer.Current is not { } issuerUri)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var now = time.GetUtcNow();
        var due = await db.BackChannelLogoutMessages
            .Where(m => m.DeliveredAt == null && m.AbandonedAt == null && m.NextAttemptAt <= now
                && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id).Take(50).ToListAsync(cancellationToken);

        var lockedUntil = now + ClaimDuration;
        var claimed = new List<BackChannelLogoutMessage>();
        foreach (var message in due)
        {
            var previous = message.LockedUntil;
            var rows = await db.BackChannelLogoutMessages
                .Where(m => m.Id == message.Id && m.LockedUntil == previous && m.DeliveredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockedUntil), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(message);
            }
        }

        var outcomes = await Task.WhenAll(claimed.Select(m => SendAsync(issuerUri, m, cancellationToken)));
        foreach (var (message, error) in claimed.Zip(outcomes))
        {
            await RecordAsync(db, message, lockedUntil, error, cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>Records one attempt, only while this node still holds the claim it made (no lost updates across nodes).</summary>
    private async Task RecordAsync(
        IdpDbContext db, BackChannelLogoutMessage message, DateTimeOffset claim, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempts = message.Attempts + 1;
        DateTimeOffset? delivered = error is null ? now : null;
        DateTimeOffset? abandoned = error is not null && attempts >= MaxAttempts ? now : null;
        var next = now + TimeSpan.FromSeconds(5 * Math.Pow(2, attempts - 1));
        await db.BackChannelLogoutMessages
            .Where(m => m.Id == message.Id && m.LockedUntil == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.DeliveredAt, delivered)
                .SetProperty(m => m.AbandonedAt, abandoned)
                .SetProperty(m => m.NextAttemptAt, next), cancellationToken);
        metrics.BackChannelLogout(BackChannelLogoutOutcomes.For(delivered is not null, abandoned is not null));
        if (abandoned is not null)
        {
            Log.BackChannelLogoutAbandoned(logger, message.ClientId, attempts, error!);
        }
    }

    private async Task<string?> SendAsync(string issuerUri, BackChannelLogoutMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var token = tokens.Create(issuerUri, message.ClientId, message.Subject, message.SessionId);
            using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("logout_token", token)]);
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(new Uri(message.LogoutUri), content, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return exception is TaskCanceledException ? "timed out" : exception.Message.Length > 500 ? exception.Message[..500] : exception.Message;
        }
    }
}
