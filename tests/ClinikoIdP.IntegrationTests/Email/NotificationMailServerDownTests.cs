using System.Globalization;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.Email;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>The console's email page when the mail server can't be reached: the trouble shows, the password never does.</summary>
public sealed class NotificationMailServerDownTests(UnreachableMailIdpFactory factory) : IClassFixture<UnreachableMailIdpFactory>
{
    [Fact]
    public async Task TheEmailPageNamesTheMailAccountButNeverItsPassword()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var response = await console.Browser.NavigateAsync(AdminRoutes.Email);
        var html = await response.Content.ReadAsStringAsync();
        var page = await PageDocument.ReadAsync(response, AdminRoutes.Email);

        Assert.DoesNotContain(UnreachableMailIdpFactory.MailPassword, html, StringComparison.Ordinal);
        Assert.Equal(UnreachableMailIdpFactory.MailUserName, page.Document.QuerySelector("[data-fact='user-name']")!.TextContent.Trim());
        Assert.Equal("Australia/Sydney", page.Document.QuerySelector("[data-fact='time-zone']")!.TextContent.Trim());
    }

    [Fact]
    public async Task AFailedMessageShowsAsTheLatestProblemThenAsGivenUp()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var to = console.Admin.User.Email;
        var page = await console.OpenAsync(AdminRoutes.Email);
        await console.SubmitAndFollowAsync(page.FormWith("button[type='submit']"), AdminRoutes.Email);

        await NotificationMail.WaitUntilAsync(async () =>
            (await NotificationMail.QueuedAsync(factory, to, EmailKinds.Test)).SingleOrDefault(m => m.Attempts == 1));
        var retrying = await console.OpenAsync(AdminRoutes.Email);

        Assert.NotNull(retrying.Document.QuerySelector("[data-latest-problem='retrying']"));
        Assert.Contains("test to " + to, retrying.Document.QuerySelector("[data-latest-problem]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual("", retrying.Document.QuerySelector("[data-fact='last-error']")!.TextContent.Trim());
        Assert.True(Tile(retrying, "waiting") >= 1);

        factory.Clock.Advance(EmailDelivery.RetryDelay(1) + TimeSpan.FromSeconds(1));
        await factory.Services.GetRequiredService<EmailDelivery>().DeliverDueAsync(CancellationToken.None);
        await NotificationMail.WaitUntilAsync(async () =>
            (await NotificationMail.QueuedAsync(factory, to, EmailKinds.Test)).SingleOrDefault(m => m.AbandonedAt is not null));
        var givenUp = await console.OpenAsync(AdminRoutes.Email);

        Assert.NotNull(givenUp.Document.QuerySelector("[data-latest-problem='given-up']"));
        Assert.True(Tile(givenUp, "given-up") >= 1);
    }

    private static int Tile(PageDocument page, string name) =>
        int.Parse(page.Document.QuerySelector($"[data-tile='{name}'] .tile-figure")!.TextContent.Trim(), CultureInfo.InvariantCulture);
}
