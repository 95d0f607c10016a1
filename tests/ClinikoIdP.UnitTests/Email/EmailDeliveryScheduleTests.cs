using ClinikoIdP.Server.Features.Email;

namespace ClinikoIdP.UnitTests.Email;

public sealed class EmailDeliveryScheduleTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(9, 7680)]
    [InlineData(10, 15360)]
    [InlineData(11, 21600)]
    [InlineData(40, 21600)]
    public void RetriesWaitThirtySecondsDoublingUpToSixHours(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), EmailDelivery.RetryDelay(attempts));

    [Theory]
    [InlineData(null, "no-reply@clinic.example", false)]
    [InlineData("smtp.clinic.example", null, false)]
    [InlineData(" ", "no-reply@clinic.example", false)]
    [InlineData("smtp.clinic.example", "no-reply@clinic.example", true)]
    public void EmailIsOnOnlyWithAHostAndASender(string? host, string? from, bool configured) =>
        Assert.Equal(configured, new EmailOptions { Smtp = new SmtpOptions { Host = host }, From = from }.IsConfigured);
}
