using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Attacks;

/// <summary>
/// OWASP ASVS 5.0 V3.5: a state-changing form posted from another site (the victim's cookies, no anti-forgery token)
/// is refused, on every POST handler of every page, by a signed-in administrator whose session could do the most harm.
/// </summary>
public class CrossSiteRequestForgeryTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    /// <summary>
    /// The only pages that accept a POST without the token, and why: OpenID Connect lets a client send the authorization
    /// and logout requests as form posts from its own site (OIDC Core §3.1.2.1, RP-Initiated Logout §2), and the error
    /// page changes nothing. The consent handlers of the authorization page check the token themselves.
    /// </summary>
    private static readonly string[] ProtocolAndErrorPosts = ["/connect/authorize", "/connect/endsession", "/error"];

    [Fact]
    public async Task EveryPostHandlerRefusesARequestWithoutTheAntiforgeryToken()
    {
        var handlers = await PostHandlerCatalogue.AllAsync(factory);
        using var admin = await AdminConsole.SignInAsync(factory);

        var accepted = new List<string>();
        foreach (var handler in handlers.Where(h => !ProtocolAndErrorPosts.Contains(h.Url, StringComparer.OrdinalIgnoreCase)))
        {
            var response = await admin.Browser.PostFormAsync(handler.Url, [new("Input.Email", "attacker@evil.example")]);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{handler.Url} ({handler.PageModel}): {(int)response.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, "Accepted without a token:\n" + string.Join('\n', accepted));
    }

    [Fact]
    public async Task OnlyTheProtocolPagesAndTheErrorPageSkipTheAntiforgeryFilter()
    {
        var handlers = await PostHandlerCatalogue.AllAsync(factory);

        var skipping = handlers.Where(h => h.IgnoresAntiforgery).Select(h => h.Url.Split('?')[0]).Distinct().Order();

        Assert.Equal(ProtocolAndErrorPosts.Order(), skipping);
    }
}
