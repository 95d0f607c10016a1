using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.ErrorPages;

/// <summary>
/// The one error page: unhandled exceptions and error status codes land here, and so do OpenID Connect errors
/// that must not be redirected to the client (an unknown client or an unregistered redirect_uri, RFC 6749 §4.1.2.1).
/// It never shows exception details.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = StatusCodes.Status500InternalServerError;

    public string Title { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "Please try again. If it keeps happening, tell your clinic's administrator.";

    public string? ProtocolError { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    /// <summary>
    /// A failed request re-executes here with its own method, and Razor Pages renders a page whose handlers do not match
    /// it without running any, which would leave the defaults (a 500) in place of what happened: a PUT or DELETE that
    /// OpenIddict refused with 400 is described like a GET.
    /// </summary>
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        context.HandlerMethod ??= context.ActionDescriptor.HandlerMethods
            .FirstOrDefault(handler => HttpMethods.IsGet(handler.HttpMethod));
    }

    /// <summary>
    /// The status of the failed request this page stands in for, read from the framework rather than from the request's
    /// own fields: a re-executed POST keeps its form, and a hostile "status" field in it must not turn a 404 into a 500.
    /// A direct visit may name a status; without one there is nothing to report but a missing page.
    /// </summary>
    private int StatusOf(int? requested)
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            return reExecuted.OriginalStatusCode;
        }

        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return Response.StatusCode is >= 400 and < 600 ? Response.StatusCode : StatusCodes.Status500InternalServerError;
        }

        return requested is >= 400 and < 600 ? requested.Value : StatusCodes.Status404NotFound;
    }

    private void Describe(int? status)
    {
        Status = StatusOf(status);
        var response = HttpContext.GetOpenIddictServerResponse();
        if (response?.Error is { } error)
        {
            ProtocolError = error;
            Title = "This sign-in request can't be completed";
            Message = response.ErrorDescription
                ?? "The app that sent you here made a request ClinikoIdP can't accept. Go back to the app and try again.";
            return;
        }

        (Title, Message) = Status switch
        {
            StatusCodes.Status400BadRequest => ("That request wasn't valid", "The page may have been open too long. Go back, reload and try again."),
            StatusCodes.Status403Forbidden => ("You don't have access", "Your account isn't allowed to open this page."),
            StatusCodes.Status404NotFound => ("Page not found", "Check the address, or go back to the app you came from."),
            StatusCodes.Status405MethodNotAllowed => ("That request wasn't valid", "Go back to the app you came from and try again."),
            _ => (Title, Message),
        };
    }
}
