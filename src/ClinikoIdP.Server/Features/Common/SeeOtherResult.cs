using Microsoft.AspNetCore.Mvc;

namespace ClinikoIdP.Server.Features.Common;

/// <summary>
/// A 303 redirect: after a form POST carrying credentials the browser must follow with a GET,
/// never replay the POST elsewhere as a 307 would (RFC 9700 §4.12).
/// </summary>
public sealed class SeeOtherResult(string location) : IActionResult
{
    public string Location { get; } = location;

    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
