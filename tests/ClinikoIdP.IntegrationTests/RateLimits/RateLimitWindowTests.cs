using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.RateLimits;

public sealed class RateLimitWindowTests(ShortWindowIdpFactory factory) : IClassFixture<ShortWindowIdpFactory>
{
    [Fact]
    public async Task AnAccountMayTryAgainOnceTheWindowHasPassed()
    {
        var email = Seed.UniqueId("window") + "@clinic.test";
        using var client = new AddressedClient(factory, "192.0.2.80");

        // Attempts may straddle a window boundary, so keep trying until the limit is reached (it must be, quickly).
        HttpResponseMessage answer;
        var attempts = 0;
        do
        {
            answer = await client.SignInAsync(email);
            attempts++;
        }
        while (answer.StatusCode == HttpStatusCode.OK && attempts < 20);

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal(ShortWindowIdpFactory.Window, answer.Headers.RetryAfter?.Delta);

        await Task.Delay(ShortWindowIdpFactory.Window + TimeSpan.FromMilliseconds(300));
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(email)).StatusCode);
    }
}
