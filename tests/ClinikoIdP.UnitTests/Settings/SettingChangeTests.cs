using ClinikoIdP.Authentication.Settings;

namespace ClinikoIdP.UnitTests.Settings;

public class SettingChangeTests
{
    private static readonly SecuritySettings Before = new(false, TimeSpan.FromHours(1), TimeSpan.FromHours(8), 5);

    [Fact]
    public void ListsOnlyTheSettingsThatChangedWithOldAndNewValues()
    {
        var changes = SettingChange.Between(Before, Before with { RequireTwoFactor = true, SessionIdleTimeout = TimeSpan.FromMinutes(30) });

        Assert.Equal(
            ["Require two-step verification for all users: off → on", "Session idle timeout: 1 hour → 30 minutes"],
            changes.Select(c => c.ToString()));
    }

    [Fact]
    public void NothingChangedGivesNoChanges() => Assert.Empty(SettingChange.Between(Before, Before with { }));

    [Theory]
    [InlineData(5, "5 minutes")]
    [InlineData(1, "1 minute")]
    [InlineData(90, "90 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(720, "12 hours")]
    [InlineData(1440, "1 day")]
    [InlineData(30 * 1440, "30 days")]
    [InlineData(36 * 60, "36 hours")]
    public void DurationsReadAsAPersonWouldSayThem(int minutes, string expected) =>
        Assert.Equal(expected, SettingText.Duration(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void ADurationOfSecondsIsShownInSeconds() => Assert.Equal("90 seconds", SettingText.Duration(TimeSpan.FromSeconds(90)));
}
