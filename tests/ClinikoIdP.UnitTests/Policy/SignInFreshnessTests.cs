using ClinikoIdP.Authentication.Policy;
using Microsoft.Extensions.Time.Testing;

namespace ClinikoIdP.UnitTests.Policy;

public class SignInFreshnessTests
{
    private static readonly DateTimeOffset AuthTime = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(AuthTime);

    private bool RequiresFreshSignIn(long? maxAge, bool promptLogin = false) =>
        SignInFreshness.RequiresFreshSignIn(AuthTime, maxAge, promptLogin, clock.GetUtcNow());

    [Fact]
    public void KeepsSessionWithoutMaxAgeOrPrompt()
    {
        clock.Advance(TimeSpan.FromDays(1));

        Assert.False(RequiresFreshSignIn(maxAge: null));
    }

    [Fact]
    public void PromptLoginForcesSignInEvenForNewSession()
    {
        Assert.True(RequiresFreshSignIn(maxAge: null, promptLogin: true));
        Assert.True(RequiresFreshSignIn(maxAge: 10_000, promptLogin: true));
    }

    [Theory]
    [InlineData(1, 0.5, false)]
    [InlineData(1, 1.0, false)]
    [InlineData(1, 1.5, true)]
    [InlineData(10_000, 9_999, false)]
    [InlineData(10_000, 10_001, true)]
    [InlineData(0, 0, false)]
    [InlineData(0, 0.001, true)]
    public void ExpiresSessionOlderThanMaxAge(long maxAge, double elapsedSeconds, bool expected)
    {
        clock.Advance(TimeSpan.FromSeconds(elapsedSeconds));

        Assert.Equal(expected, RequiresFreshSignIn(maxAge));
    }

    [Fact]
    public void HandlesLargestMaxAge()
    {
        clock.Advance(TimeSpan.FromDays(365 * 100));

        Assert.False(RequiresFreshSignIn(long.MaxValue));
    }

    [Fact]
    public void RefusesNegativeMaxAge()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RequiresFreshSignIn(-1));
    }
}
