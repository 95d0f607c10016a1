using ClinikoIdP.Authentication.Settings;

namespace ClinikoIdP.UnitTests.Settings;

public class StoredSecuritySettingsTests
{
    private static readonly SecuritySettings Defaults = new(false, TimeSpan.FromHours(1), TimeSpan.FromHours(8), 5);

    [Fact]
    public void WithoutRowsEverySettingIsTheConfiguredDefault()
    {
        var resolved = StoredSecuritySettings.Resolve(Defaults, new Dictionary<string, string>());

        Assert.Equal(Defaults, resolved.Effective);
        Assert.Empty(resolved.Stored);
        Assert.Empty(resolved.Ignored);
    }

    [Fact]
    public void AStoredRowReplacesOnlyItsOwnSetting()
    {
        var resolved = StoredSecuritySettings.Resolve(Defaults, new Dictionary<string, string>
        {
            [SecuritySettingNames.RequireTwoFactor] = "true",
            [SecuritySettingNames.SessionIdleTimeout] = "00:15:00",
        });

        Assert.Equal(Defaults with { RequireTwoFactor = true, SessionIdleTimeout = TimeSpan.FromMinutes(15) }, resolved.Effective);
        Assert.Equal([SecuritySettingNames.RequireTwoFactor, SecuritySettingNames.SessionIdleTimeout], resolved.Stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AStoredRowCanSwitchRequiredTwoFactorOffAgainstAnAlwaysDefault()
    {
        var resolved = StoredSecuritySettings.Resolve(Defaults with { RequireTwoFactor = true },
            new Dictionary<string, string> { [SecuritySettingNames.RequireTwoFactor] = "false" });

        Assert.False(resolved.Effective.RequireTwoFactor);
    }

    [Theory]
    [InlineData(SecuritySettingNames.RequireTwoFactor, "yes")]
    [InlineData(SecuritySettingNames.RequireTwoFactor, "True")]
    [InlineData(SecuritySettingNames.SessionIdleTimeout, "forever")]
    [InlineData(SecuritySettingNames.SessionIdleTimeout, "00:01:00")]
    [InlineData(SecuritySettingNames.SessionAbsoluteLifetime, "365.00:00:00")]
    [InlineData(SecuritySettingNames.LockoutThreshold, "1000")]
    [InlineData(SecuritySettingNames.LockoutThreshold, "-3")]
    [InlineData("SomethingElse", "1")]
    public void ARowThatCannotBeTrustedIsIgnoredAndTheDefaultApplies(string name, string value)
    {
        var resolved = StoredSecuritySettings.Resolve(Defaults, new Dictionary<string, string> { [name] = value });

        Assert.Equal(Defaults, resolved.Effective);
        Assert.Equal([name], resolved.Ignored);
        Assert.Empty(resolved.Stored);
    }

    [Fact]
    public void FormattedValuesReadBackAsTheSameSettings()
    {
        var settings = new SecuritySettings(true, TimeSpan.FromMinutes(25), TimeSpan.FromDays(3), 7);
        var stored = SecuritySettingNames.All.ToDictionary(name => name, name => StoredSecuritySettings.Format(name, settings));

        Assert.Equal(settings, StoredSecuritySettings.Resolve(Defaults, stored).Effective);
        Assert.Equal("3.00:00:00", stored[SecuritySettingNames.SessionAbsoluteLifetime]);
    }
}
