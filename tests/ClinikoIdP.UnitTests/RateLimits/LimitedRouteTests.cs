using ClinikoIdP.Server.Features.RateLimits;
using Microsoft.AspNetCore.Http;

namespace ClinikoIdP.UnitTests.RateLimits;

public class LimitedRouteTests
{
    [Theory]
    [InlineData("POST", "/signin", LimitedAction.SignIn)]
    [InlineData("POST", "/SignIn/", LimitedAction.SignIn)]
    [InlineData("POST", "/two-factor", LimitedAction.SecondFactor)]
    [InlineData("POST", "/passkey", LimitedAction.SecondFactor)]
    [InlineData("POST", "/enrol", LimitedAction.SecondFactor)]
    [InlineData("POST", "/passkey/sign-in", LimitedAction.SignIn)]
    [InlineData("POST", "/forgot-password", LimitedAction.PasswordReset)]
    [InlineData("POST", "/connect/token", LimitedAction.Token)]
    [InlineData("POST", "/connect/introspect", LimitedAction.Token)]
    [InlineData("POST", "/connect/revoke", LimitedAction.Token)]
    [InlineData("GET", "/connect/authorize", LimitedAction.Authorize)]
    public void LimitsTheAttemptsOfEachJourney(string method, string path, LimitedAction action) =>
        Assert.Equal(action, LimitedRoute.Find(Request(method, path))?.Action);

    [Theory]
    [InlineData("GET", "/signin")]
    [InlineData("GET", "/two-factor")]
    [InlineData("POST", "/signout")]
    [InlineData("GET", "/.well-known/jwks")]
    [InlineData("POST", "/connect/userinfo")]
    public void LeavesPagesAndEndpointsThatAreNoAttemptAlone(string method, string path) =>
        Assert.Null(LimitedRoute.Find(Request(method, path)));

    private static HttpRequest Request(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        return context.Request;
    }
}
