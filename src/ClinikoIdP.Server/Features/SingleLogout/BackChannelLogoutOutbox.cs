using System.Text.Json;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Clients;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.SingleLogout;

/// <summary>Queues a back-channel logout notice for every app, registered with a logout URI, that shared ended sessions.</summary>
public sealed class BackChannelLogoutOutbox(IdpDbContext db, IOpenIddictApplicationManager applications, TimeProvider time)
{
    public async Task EnqueueAsync(
        string subject, IEnumerable<(string ApplicationId, string? SessionId)> ended, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var queued = false;
        foreach (var (applicationId, sessionId) in ended)
        {
            var application = await applications.FindByIdAsync(applicationId, cancellationToken);
            if (application is null
                || !(await applications.GetPropertiesAsync(application, cancellationToken))
                    .TryGetValue(ClientSettings.BackChannelLogoutUri, out var uri)
                || uri.ValueKind != JsonValueKind.String
                || await applications.GetClientIdAsync(application, cancellationToken) is not { } clientId)
            {
                continue;
            }

            db.BackChannelLogoutMessages.Add(new BackChannelLogoutMessage
            {
                ClientId = clientId,
                LogoutUri = uri.GetString()!,
                Subject = subject,
                SessionId = sessionId,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            queued = true;
        }

        if (queued)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
