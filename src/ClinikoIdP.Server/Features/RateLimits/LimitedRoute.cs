using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.PasswordReset;
using ClinikoIdP.Server.Features.SignIn;

namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>A path whose requests are limited: only its POSTs, unless <see cref="AnyMethod"/>.</summary>
public sealed record LimitedRoute(string Path, LimitedAction Action, AccountSource Account, bool AnyMethod = false)
{
    /// <summary>Every limited route. A page's POSTs all count, whichever handler they name: each is an attempt.</summary>
    public static readonly IReadOnlyList<LimitedRoute> All =
    [
        new(SignInRoutes.SignIn, LimitedAction.SignIn, AccountSource.FormEmail),
        new(PasskeyRoutes.SignIn, LimitedAction.SignIn, AccountSource.None),
        new(SignInJourney.SecondFactorPath, LimitedAction.SecondFactor, AccountSource.SignInUser),
        new(PasskeyRoutes.Step, LimitedAction.SecondFactor, AccountSource.SignInUser),
        new(SignInJourney.EnrolPath, LimitedAction.SecondFactor, AccountSource.SignInUser),
        new(PasswordResetRoutes.ForgotPassword, LimitedAction.PasswordReset, AccountSource.FormEmail),
        new("/" + ConnectRoutes.Token, LimitedAction.Token, AccountSource.ClientId),
        new("/" + ConnectRoutes.Introspection, LimitedAction.Token, AccountSource.ClientId),
        new("/" + ConnectRoutes.Revocation, LimitedAction.Token, AccountSource.ClientId),
        new("/" + ConnectRoutes.Authorize, LimitedAction.Authorize, AccountSource.None, AnyMethod: true),
    ];

    /// <summary>The limited route this request is for, or null.</summary>
    public static LimitedRoute? Find(HttpRequest request)
    {
        var path = request.Path.Value is { Length: > 1 } value ? value.TrimEnd('/') : request.Path.Value;
        foreach (var route in All)
        {
            if (string.Equals(path, route.Path, StringComparison.OrdinalIgnoreCase)
                && (route.AnyMethod || HttpMethods.IsPost(request.Method)))
            {
                return route;
            }
        }

        return null;
    }
}
