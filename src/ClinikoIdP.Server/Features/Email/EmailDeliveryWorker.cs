using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Email;

/// <summary>Runs <see cref="EmailDelivery"/> on every node: at once when a message is queued here, and every poll interval.</summary>
public sealed class EmailDeliveryWorker(
    EmailDelivery delivery,
    EmailDeliverySignal signal,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<EmailDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            Log.EmailNotConfigured(logger);
            return;
        }

        Log.EmailConfigured(logger, settings.Smtp.Host!, settings.Smtp.Port, settings.Smtp.Security.ToString());
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keep going while full batches come back: a backlog drains without waiting for the next poll.
                while (await delivery.DeliverDueAsync(stoppingToken) > 0 && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or DbException or TimeoutException)
            {
                Log.EmailQueueFailed(logger, exception);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            try
            {
                await Task.WhenAny(signal.WaitAsync(wait.Token), Task.Delay(settings.DeliveryPollInterval, time, wait.Token));
            }
            finally
            {
                await wait.CancelAsync();
            }
        }
    }
}
