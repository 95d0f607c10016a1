using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Performance;

/// <summary>Discovery and the JWKS may be cached (briefly for the keys); everything else OpenIddict answers stays no-store.</summary>
public class MetadataCachingTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Theory]
    [InlineData("/.well-known/openid-configuration", 3600)]
    [InlineData("/.well-known/jwks", 300)]
    public async Task MetadataIsPubliclyCacheable(string path, int maxAgeSeconds)
    {
        using var client = factory.NewBackChannel();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(maxAgeSeconds), response.Headers.CacheControl.MaxAge);
        Assert.False(response.Headers.CacheControl.NoStore);
        Assert.Empty(response.Headers.Pragma);
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks")]
    public async Task AnAnswerFromMemoryIsTheSameDocumentWithTheSameHeaders(string path)
    {
        using var client = factory.NewBackChannel();

        using var first = await client.GetAsync(path);
        using var second = await client.GetAsync(path);
        using var withQuery = await client.GetAsync(path + "?x=1");

        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await withQuery.Content.ReadAsStringAsync());
        foreach (var response in new[] { first, second, withQuery })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.True(response.Headers.CacheControl!.Public);
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        }

        Assert.Equal(first.Content.Headers.ContentLength ?? (await first.Content.ReadAsByteArrayAsync()).Length, second.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task EveryHostHeaderIsAnsweredEvenPastTheFewKeptInMemory()
    {
        using var client = factory.NewBackChannel();

        for (var i = 0; i < 40; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/jwks");
            request.Headers.Host = $"attacker-{i}.example";
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"keys\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TokenErrorsStayUncached()
    {
        using var client = factory.NewBackChannel();

        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent([new("grant_type", "client_credentials")]));

        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
