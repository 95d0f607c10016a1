using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClinikoIdP.Server.Features.Operations.Health;

/// <summary>
/// The probe answer: the overall status and each check's status, nothing else. Descriptions and exceptions stay in
/// the server's log, since an exception message can name hosts, files or database users.
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var body = new Dictionary<string, object>
        {
            ["status"] = Name(report.Status),
            ["checks"] = report.Entries.ToDictionary(entry => entry.Key, entry => Name(entry.Value.Status)),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
