using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.RateLimits;

public sealed class SignInRateLimitTests(RateLimitIdpFactory factory) : IClassFixture<RateLimitIdpFactory>
{
    [Fact]
    public async Task RefusesAnAccountOverItsLimitFromAnyAddressButNotOtherAccounts()
    {
        var email = Seed.UniqueId("busy") + "@clinic.test";
        using var first = new AddressedClient(factory, "203.0.113.10");
        for (var attempt = 0; attempt < RateLimitIdpFactory.SignInPerAccount; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.SignInAsync(email)).StatusCode);
        }

        var refused = await first.SignInAsync(email.ToUpperInvariant());
        await AssertTooManyAsync(refused, "for this account");

        using var second = new AddressedClient(factory, "203.0.113.11");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await second.SignInAsync(email)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.SignInAsync(Seed.UniqueId("other") + "@clinic.test")).StatusCode);
    }

    [Fact]
    public async Task RefusesAnAddressOverItsLimitButNotOtherAddresses()
    {
        using var busy = new AddressedClient(factory, "198.51.100.20");
        for (var attempt = 0; attempt < RateLimitIdpFactory.SignInPerAddress; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.SignInAsync(Seed.UniqueId("spray") + "@clinic.test")).StatusCode);
        }

        await AssertTooManyAsync(await busy.SignInAsync(Seed.UniqueId("spray") + "@clinic.test"), "from this address");

        using var elsewhere = new AddressedClient(factory, "198.51.100.21");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.SignInAsync(Seed.UniqueId("spray") + "@clinic.test")).StatusCode);
    }

    [Fact]
    public async Task GroupsIPv6AddressesByTheirSlash64()
    {
        for (var host = 1; host <= RateLimitIdpFactory.SignInPerAddress; host++)
        {
            using var client = new AddressedClient(factory, $"2001:db8:5:7::{host:x}");
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(Seed.UniqueId("v6") + "@clinic.test")).StatusCode);
        }

        using var sameNetwork = new AddressedClient(factory, "2001:db8:5:7:ffff::1");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sameNetwork.SignInAsync(Seed.UniqueId("v6") + "@clinic.test")).StatusCode);
        using var otherNetwork = new AddressedClient(factory, "2001:db8:5:8::1");
        Assert.Equal(HttpStatusCode.OK, (await otherNetwork.SignInAsync(Seed.UniqueId("v6") + "@clinic.test")).StatusCode);
    }

    [Fact]
    public async Task TheRightPasswordStillSignsInBelowTheLimit()
    {
        var user = await Seed.UserAsync(factory);
        using var client = new AddressedClient(factory, "192.0.2.40");
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(user.Email)).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.SignInAsync(user.Email, user.Password)).StatusCode);
    }

    internal static async Task AssertTooManyAsync(HttpResponseMessage response, string who)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var text = (await Browser.ParseAsync(response)).QuerySelector("main")!.TextContent;
        Assert.Contains($"Too many attempts {who}; try again in {(int)retryAfter.Value.TotalSeconds} seconds.", text, StringComparison.Ordinal);
    }
}
