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
        var form = (await client.ReadFormAsync(SignInPage.Path, "Input.Password")).Set("Input.Email", email).Set("Input.Password", "wrong");

        // An attempt on a busy machine may outlast a window, so keep trying until one lands in a used-up window.
        HttpResponseMessage answer;
        var attempts = 0;
        do
        {
            answer = await client.PostAsync(form);
            attempts++;
        }
        while (answer.StatusCode == HttpStatusCode.OK && attempts < 10);

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal(ShortWindowIdpFactory.Window, answer.Headers.RetryAfter?.Delta);

        await Task.Delay(ShortWindowIdpFactory.Window + TimeSpan.FromMilliseconds(300));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(form)).StatusCode);
    }
}
