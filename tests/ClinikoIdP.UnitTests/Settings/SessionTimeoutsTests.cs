using ClinikoIdP.Authentication.Settings;

namespace ClinikoIdP.UnitTests.Settings;

public class SessionTimeoutsTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly SessionTimeouts Timeouts = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(8));

    [Theory]
    [InlineData(0, 0, SessionActivity.Current)]
    [InlineData(0, 1, SessionActivity.Current)]
    [InlineData(0, 2, SessionActivity.Renew)]
    [InlineData(0, 30, SessionActivity.Renew)]
    [InlineData(0, 31, SessionActivity.Idle)]
    [InlineData(470, 479, SessionActivity.Renew)]
    [InlineData(470, 480, SessionActivity.Renew)]
    [InlineData(475, 481, SessionActivity.Expired)]
    [InlineData(481, 481, SessionActivity.Expired)]
    public void JudgesIdlenessFromTheLastRenewalAndLifetimeFromTheStart(int renewedAfterMinutes, int nowAfterMinutes, SessionActivity expected) =>
        Assert.Equal(expected, Timeouts.Judge(Start, Start.AddMinutes(renewedAfterMinutes), Start.AddMinutes(nowAfterMinutes)));

    [Fact]
    public void RenewsOnlyStrictlyAfterTheInterval()
    {
        Assert.Equal(SessionActivity.Current, Timeouts.Judge(Start, Start, Start + SessionTimeouts.RenewalInterval));
        Assert.Equal(SessionActivity.Renew, Timeouts.Judge(Start, Start, Start + SessionTimeouts.RenewalInterval + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void WithoutARenewalTimeTheStartCounts() =>
        Assert.Equal(SessionActivity.Idle, Timeouts.Judge(Start, null, Start.AddMinutes(31)));

    [Fact]
    public void AShorterSettingEndsASessionThatTheOldOneAllowed()
    {
        var renewed = Start.AddHours(2);
        var now = renewed.AddMinutes(10);

        Assert.Equal(SessionActivity.Renew, Timeouts.Judge(Start, renewed, now));
        Assert.Equal(SessionActivity.Idle, (Timeouts with { IdleTimeout = TimeSpan.FromMinutes(5) }).Judge(Start, renewed, now));
        Assert.Equal(SessionActivity.Expired, (Timeouts with { AbsoluteLifetime = TimeSpan.FromHours(1) }).Judge(Start, renewed, now));
    }
}
