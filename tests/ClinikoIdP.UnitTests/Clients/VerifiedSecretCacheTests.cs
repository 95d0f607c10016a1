using ClinikoIdP.Server.Features.Clients;
using Microsoft.Extensions.Time.Testing;

namespace ClinikoIdP.UnitTests.Clients;

public class VerifiedSecretCacheTests
{
    private const string Stored = "AQAAAAEAACcQAAAAEPbkdf2-stored-hash";
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public void RemembersAMatchForItsLifetimeOnly()
    {
        var cache = new VerifiedSecretCache(clock);
        cache.Add("chosen-secret", Stored);

        clock.Advance(VerifiedSecretCache.Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(cache.Contains("chosen-secret", Stored));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.Contains("chosen-secret", Stored));
    }

    [Fact]
    public void AnotherSecretOrARotatedStoredHashNeverMatches()
    {
        var cache = new VerifiedSecretCache(clock);
        cache.Add("chosen-secret", Stored);

        Assert.False(cache.Contains("chosen-secreT", Stored));
        Assert.False(cache.Contains("chosen-secret", Stored + "rotated"));
        Assert.False(cache.Contains("chosen-secret" + '\0' + Stored, ""));
    }

    [Fact]
    public void TwoProcessesNeverShareFingerprints()
    {
        var first = new VerifiedSecretCache(clock);
        first.Add("chosen-secret", Stored);

        Assert.False(new VerifiedSecretCache(clock).Contains("chosen-secret", Stored));
    }
}
