using ClinikoIdP.Server.Features.AccountNotifications;

namespace ClinikoIdP.UnitTests.AccountNotifications;

public class NotificationTimeTests
{
    private static readonly DateTimeOffset March3At0305Utc = new(2026, 3, 3, 3, 5, 0, TimeSpan.Zero);

    [Fact]
    public void GivesTheDayDateAndTimeInTheConfiguredZoneAndNamesIt()
    {
        var (zone, name) = NotificationTime.Resolve("Australia/Sydney")!.Value;

        // 3 March is summer in Sydney: daylight saving, UTC+11.
        Assert.Equal("Tuesday 3 March 2026, 14:05 (Australia/Sydney)", NotificationTime.Format(March3At0305Utc, zone, name));
    }

    [Fact]
    public void FollowsDaylightSavingThroughTheYear()
    {
        var (zone, name) = NotificationTime.Resolve("Australia/Sydney")!.Value;
        var winter = new DateTimeOffset(2026, 7, 14, 3, 5, 0, TimeSpan.Zero);

        Assert.Equal("Tuesday 14 July 2026, 13:05 (Australia/Sydney)", NotificationTime.Format(winter, zone, name));
    }

    [Fact]
    public void ShowsTheLocalDateWhenItDiffersFromTheUtcDate()
    {
        var (zone, name) = NotificationTime.Resolve("Pacific/Auckland")!.Value;
        var lateUtc = new DateTimeOffset(2026, 3, 3, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal("Wednesday 4 March 2026, 11:30 (Pacific/Auckland)", NotificationTime.Format(lateUtc, zone, name));
    }

    [Fact]
    public void ConvertsAnInstantGivenWithAnyOffset()
    {
        var (zone, name) = NotificationTime.Resolve("UTC")!.Value;
        var sameInstant = new DateTimeOffset(2026, 3, 3, 14, 5, 0, TimeSpan.FromHours(11));

        Assert.Equal("Tuesday 3 March 2026, 03:05 (UTC)", NotificationTime.Format(sameInstant, zone, name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("utc")]
    public void UnsetOrUtcMeansUtc(string? configured)
    {
        var (zone, name) = NotificationTime.Resolve(configured)!.Value;

        Assert.Equal(TimeZoneInfo.Utc, zone);
        Assert.Equal("UTC", name);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    public void AnUnknownZoneIsReportedNotGuessed(string configured)
    {
        Assert.Null(NotificationTime.Resolve(configured));
    }
}
