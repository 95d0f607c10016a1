using System.Collections.Concurrent;

namespace ClinikoIdP.Bench.Flows;

/// <summary>
/// Authorization codes from signed-in browsers: the browsers work at once, each one request after another as a
/// person's browser would (oidc-provider renews the session's id at every interaction, so one browser's parallel
/// interactions would fail each other). A browser without a session yet is signed in by the first request.
/// </summary>
public static class CodeIssuer
{
    public static async Task<ConcurrentQueue<IssuedCode>> IssueAsync(IReadOnlyList<BenchBrowser> browsers, BenchWebClient client, int count)
    {
        var codes = new ConcurrentQueue<IssuedCode>();
        var taken = 0;
        await Task.WhenAll(browsers.Select(async browser =>
        {
            while (Interlocked.Increment(ref taken) <= count)
            {
                var request = AuthorizationRequest.New(client);
                using var response = await browser.NavigateAsync(request.Url);
                codes.Enqueue(new IssuedCode(request.CodeFrom(response), request.Verifier));
            }
        }));
        return codes;
    }
}

/// <summary>A code and the PKCE verifier that redeems it.</summary>
public sealed record IssuedCode(string Code, string Verifier);
