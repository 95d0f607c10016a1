using ClinikoIdP.Authentication.Settings;

namespace ClinikoIdP.UnitTests.Settings;

public class SecuritySettingBoundsTests
{
    private static readonly SecuritySettings Current = new(false, TimeSpan.FromHours(1), TimeSpan.FromHours(8), 5);

    [Fact]
    public void AcceptsEveryLimitItself()
    {
        Assert.Empty(SecuritySettingBounds.Validate(Current, Current with { SessionIdleTimeout = TimeSpan.FromMinutes(5), LockoutThreshold = 3 }));
        Assert.Empty(SecuritySettingBounds.Validate(Current, new(true, TimeSpan.FromHours(12), TimeSpan.FromDays(30), 20)));
        Assert.Empty(SecuritySettingBounds.Validate(Current, Current with { SessionIdleTimeout = TimeSpan.FromHours(1), SessionAbsoluteLifetime = TimeSpan.FromHours(1) }));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(12 * 60 + 1)]
    public void RefusesAnIdleTimeoutOutsideFiveMinutesToTwelveHours(int minutes)
    {
        var problem = Assert.Single(SecuritySettingBounds.Validate(Current,
            Current with { SessionIdleTimeout = TimeSpan.FromMinutes(minutes), SessionAbsoluteLifetime = TimeSpan.FromDays(1) }));

        Assert.Equal(SecuritySettingNames.SessionIdleTimeout, problem.Setting);
        Assert.Equal("Choose between 5 minutes and 12 hours.", problem.Message);
    }

    [Theory]
    [InlineData(59)]
    [InlineData(30 * 24 * 60 + 1)]
    public void RefusesALifetimeOutsideOneHourToThirtyDays(int minutes)
    {
        var problem = Assert.Single(SecuritySettingBounds.Validate(Current,
            Current with { SessionIdleTimeout = TimeSpan.FromMinutes(30), SessionAbsoluteLifetime = TimeSpan.FromMinutes(minutes) }));

        Assert.Equal(SecuritySettingNames.SessionAbsoluteLifetime, problem.Setting);
        Assert.Equal("Choose between 1 hour and 30 days.", problem.Message);
    }

    [Fact]
    public void RefusesAnIdleTimeoutLongerThanTheLifetime()
    {
        var problem = Assert.Single(SecuritySettingBounds.Validate(Current, Current with { SessionIdleTimeout = TimeSpan.FromHours(9) }));

        Assert.Equal(SecuritySettingNames.SessionIdleTimeout, problem.Setting);
        Assert.Equal("The idle timeout can't be longer than the session lifetime (8 hours).", problem.Message);
    }

    [Fact]
    public void ShorteningTheLifetimeBelowTheIdleTimeoutIsRefused()
    {
        var current = Current with { SessionIdleTimeout = TimeSpan.FromHours(2) };

        var problem = Assert.Single(SecuritySettingBounds.Validate(current, current with { SessionAbsoluteLifetime = TimeSpan.FromHours(1) }));

        Assert.Equal(SecuritySettingNames.SessionIdleTimeout, problem.Setting);
        Assert.Equal("The idle timeout can't be longer than the session lifetime (1 hour).", problem.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(21)]
    [InlineData(0)]
    public void RefusesALockoutThresholdOutsideThreeToTwenty(int threshold)
    {
        var problem = Assert.Single(SecuritySettingBounds.Validate(Current, Current with { LockoutThreshold = threshold }));

        Assert.Equal(SecuritySettingNames.LockoutThreshold, problem.Setting);
        Assert.Equal("Choose between 3 and 20 attempts.", problem.Message);
    }

    [Fact]
    public void ReportsEveryProblemAtOnce()
    {
        var problems = SecuritySettingBounds.Validate(Current, new(true, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), 99));

        Assert.Equal(
            [SecuritySettingNames.SessionIdleTimeout, SecuritySettingNames.SessionAbsoluteLifetime, SecuritySettingNames.LockoutThreshold],
            problems.Select(p => p.Setting));
    }

    [Fact]
    public void AValueLeftAsItWasIsNotJudgedAgain()
    {
        // A configured default outside the console's limits must not stop an administrator saving another setting.
        var configured = new SecuritySettings(false, TimeSpan.FromHours(24), TimeSpan.FromHours(48), 50);

        Assert.Empty(SecuritySettingBounds.Validate(configured, configured with { RequireTwoFactor = true }));
    }
}
