using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Connect;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// oidcc-basic-certification-test-plan, scopes and UserInfo (OIDC Core §5.3, §5.4): each supported standard scope
/// yields its claims from UserInfo; address and phone are not supported, not advertised, and refused as invalid_scope.
/// </summary>
public class BasicOpScopesPlan(IdpFactory factory) : IClassFixture<IdpFactory>
{
    /// <summary>The scopes OIDC Core §5.4 defines, in the order oidcc-scope-all asks for them.</summary>
    private static readonly string[] StandardScopes = ["openid", "profile", "email", "address", "phone"];

    private async Task<(SuiteClient Suite, TestUser User, CodeFlowResult Flow)> SignInAsync(string scope)
    {
        var (suite, user) = (new SuiteClient(factory, await factory.StandardClientAsync()), await factory.StandardUserAsync());
        using var browser = factory.NewBrowser();
        return (suite, user, await suite.SignInAsync(browser, suite.NewRequest(scope), user));
    }

    private async Task<(TestUser User, JsonElement Claims)> UserInfoForAsync(string scope)
    {
        var (suite, user, flow) = await SignInAsync(scope);
        return (user, await suite.UserInfoAsync(SuiteClient.BearerRequest(HttpMethod.Get, flow.Tokens.AccessToken!), flow.IdToken));
    }

    [Fact]
    public async Task OidccUserinfoGet()
    {
        var (user, claims) = await UserInfoForAsync("openid email");

        Assert.Equal(user.Email, claims.GetProperty("email").GetString());
    }

    [Fact]
    public async Task OidccUserinfoPostHeader()
    {
        var (suite, user, flow) = await SignInAsync("openid email");
        using var request = SuiteClient.BearerRequest(HttpMethod.Post, flow.Tokens.AccessToken!);
        request.Content = new FormUrlEncodedContent([]);

        var claims = await suite.UserInfoAsync(request, flow.IdToken);

        Assert.Equal(user.Email, claims.GetProperty("email").GetString());
    }

    [Fact]
    public async Task OidccUserinfoPostBody()
    {
        var (suite, user, flow) = await SignInAsync("openid email");

        // RFC 6750 §2.2: the access token as a form field, no Authorization header.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + ConnectRoutes.UserInfo)
        {
            Content = new FormUrlEncodedContent([new("access_token", flow.Tokens.AccessToken!)]),
        };
        var claims = await suite.UserInfoAsync(request, flow.IdToken);

        Assert.Equal(user.Email, claims.GetProperty("email").GetString());
    }

    [Fact]
    public async Task OidccScopeProfile()
    {
        var (user, claims) = await UserInfoForAsync("openid profile");

        Assert.Equal(user.Name, claims.GetProperty("name").GetString());
        Assert.False(claims.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task OidccScopeEmail()
    {
        var (user, claims) = await UserInfoForAsync("openid email");

        Assert.Equal(user.Email, claims.GetProperty("email").GetString());
        Assert.Contains(claims.GetProperty("email_verified").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.False(claims.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task OidccScopeAddress() => await AssertUnsupportedScopeAsync("address");

    [Fact]
    public async Task OidccScopePhone() => await AssertUnsupportedScopeAsync("phone");

    [Fact]
    public async Task OidccScopeAll()
    {
        var configuration = await DiscoveryDocument.ReadAsync(factory);
        var standardScopes = StandardScopes.Intersect(DiscoveryDocument.Strings(configuration, "scopes_supported"));

        var (user, claims) = await UserInfoForAsync(string.Join(' ', standardScopes));

        Assert.Equal(user.Name, claims.GetProperty("name").GetString());
        Assert.Equal(user.Email, claims.GetProperty("email").GetString());
    }

    private async Task AssertUnsupportedScopeAsync(string scope)
    {
        var suite = new SuiteClient(factory, await factory.StandardClientAsync());
        var configuration = await DiscoveryDocument.ReadAsync(factory);
        var request = suite.NewRequest("openid " + scope);
        using var browser = factory.NewBrowser();

        var response = await browser.GetAsync(request.Url);

        Assert.DoesNotContain(scope, DiscoveryDocument.Strings(configuration, "scopes_supported"));
        await suite.AssertRefusedAsync(request, response, "invalid_scope");
    }
}
