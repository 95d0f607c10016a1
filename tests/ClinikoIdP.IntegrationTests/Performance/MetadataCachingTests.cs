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

    [Fact]
    public async Task TokenErrorsStayUncached()
    {
        using var client = factory.NewBackChannel();

        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent([new("grant_type", "client_credentials")]));

        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
