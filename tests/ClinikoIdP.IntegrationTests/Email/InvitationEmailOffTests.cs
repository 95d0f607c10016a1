using System.Net;
using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Cli;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin.Staff;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>A server without email: invitations are explained and refused, never half-made; adding with a password still works.</summary>
public sealed class InvitationEmailOffTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task TheConsoleExplainsWhatToConfigureInsteadOfShowingTheForm()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var page = await console.OpenAsync(StaffRoutes.Invite);

        var explanation = page.Document.QuerySelector("[data-email-off]")?.TextContent ?? "";
        Assert.Contains("Email:Smtp:Host", explanation, StringComparison.Ordinal);
        Assert.Contains("Email:From", explanation, StringComparison.Ordinal);
        Assert.Contains("docs/email/invitations.md", explanation, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("input[name='Input.Email']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='{StaffRoutes.New}']"));
    }

    [Fact]
    public async Task PostingAnInvitationAnywayCreatesNothing()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var page = await console.OpenAsync(StaffRoutes.Invite);
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? (await console.OpenAsync(StaffRoutes.New)).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var email = Seed.UniqueId("offline") + "@clinic.test";

        var posted = await console.Browser.PostFormAsync(StaffRoutes.Invite,
            [new("__RequestVerificationToken", token), new("Input.Email", email), new("Input.DisplayName", "Nobody Yet")]);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task TheCommandLineFailsWithOneLineAndCreatesNothing()
    {
        var email = Seed.UniqueId("offline") + "@clinic.test";

        var result = await factory.AdminAsync("user", "invite", "--email", email);

        CliAssert.Failed(result, 1, "Email is not configured");
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task TheStaffListStillOffersTheInitialPasswordRoute()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var list = await console.OpenAsync(StaffRoutes.List);

        Assert.NotNull(list.Document.QuerySelector($"a[href='{StaffRoutes.New}']"));
        Assert.NotNull(list.Document.QuerySelector($"a[href='{StaffRoutes.Invite}']"));
    }
}
