using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ClinikoIdP.Server.Features.Admin;

/// <summary>
/// Answers 405 to a request no handler of the page takes (a POST to a page with only named POST handlers, or an
/// unknown <c>?handler=</c>): Razor Pages would otherwise render the page without running any handler. Applied to
/// every console page by <see cref="AdminAccess"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoImplicitPostAttribute : Attribute, IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod is null)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
