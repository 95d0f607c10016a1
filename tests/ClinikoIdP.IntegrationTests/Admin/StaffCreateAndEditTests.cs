using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>Adding staff and editing their name and email through the console's forms.</summary>
public class StaffCreateAndEditTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private const string Password = "copper kettle winter orchard";

    [Fact]
    public async Task AnAddedStaffMemberCanSignIn()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var email = Seed.UniqueId("new") + "@clinic.test";

        var member = await StaffConsole.SubmitAndFollowAsync(console, NewStaffForm(await console.OpenAsync(StaffRoutes.New), email));

        Assert.Contains("can now sign in", AdminConsole.Flash(member), StringComparison.Ordinal);
        Assert.Equal("Nurse Robin Hale", member.Heading);
        Assert.Null(member.Document.QuerySelector("[data-badge='admin']"));
        var userId = await StaffConsole.UserIdAsync(factory, email);
        Assert.Equal(StaffRoutes.Member(userId), member.Uri.AbsolutePath);
        await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.AdminUserCreated);
        using var browser = await StaffConsole.SignedInBrowserAsync(factory, new TestUser(email, Password, "Nurse Robin Hale"));
        Assert.True(await StaffConsole.IsSignedInAsync(browser));
    }

    [Fact]
    public async Task AnAdministratorCanBeAddedAsSuch()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var email = Seed.UniqueId("new-admin") + "@clinic.test";

        var form = NewStaffForm(await console.OpenAsync(StaffRoutes.New), email).Check("Input.Administrator");
        var member = await StaffConsole.SubmitAndFollowAsync(console, form);

        Assert.NotNull(member.Document.QuerySelector("[data-badge='admin']"));
        await StaffConsole.AssertAuditedAsync(console, await StaffConsole.UserIdAsync(factory, email), SecurityEventKinds.AdminRoleGranted);
    }

    [Fact]
    public async Task ADuplicateEmailIsRefusedBesideTheFieldAndNothingIsCreated()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var existing = await factory.StandardUserAsync();
        var before = await factory.QueryAsync(db => db.Users.CountAsync());

        var page = await StaffConsole.SubmitExpectingErrorsAsync(console,
            NewStaffForm(await console.OpenAsync(StaffRoutes.New), existing.Email.ToUpperInvariant()));

        Assert.Contains("already uses this email", page.FieldError("Input.Email"), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData("short", "Use 12 to 128 characters")]
    [InlineData("1qaz2wsx3edc", "common")]
    public async Task AWeakInitialPasswordIsRefusedBesideTheField(string password, string expected)
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var email = Seed.UniqueId("weak") + "@clinic.test";
        var form = NewStaffForm(await console.OpenAsync(StaffRoutes.New), email)
            .Set("Input.Password", password).Set("Input.ConfirmPassword", password);

        var page = await StaffConsole.SubmitExpectingErrorsAsync(console, form);

        Assert.Contains(expected, page.FieldError("Input.Password"), StringComparison.OrdinalIgnoreCase);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task MismatchedPasswordsAndABadEmailAreShownBesideTheirFields()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var form = NewStaffForm(await console.OpenAsync(StaffRoutes.New), "not-an-email")
            .Set("Input.ConfirmPassword", "something else entirely");

        var page = await StaffConsole.SubmitExpectingErrorsAsync(console, form);

        Assert.NotEqual("", page.FieldError("Input.Email"));
        Assert.Contains("don't match", page.FieldError("Input.ConfirmPassword"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingNameAndEmailChangesTheSignInNameAndIsAudited()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var user = await Seed.UserAsync(factory);
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        var newEmail = Seed.UniqueId("renamed") + "@clinic.test";

        var form = (await console.OpenAsync(StaffRoutes.Member(userId))).FormWith("[name='Input.Email']")
            .Set("Input.DisplayName", "Dr Renamed Person").Set("Input.Email", newEmail);
        var page = await console.SubmitAndFollowAsync(form, StaffRoutes.Member(userId));

        Assert.Equal("Dr Renamed Person", page.Heading);
        Assert.Contains("Saved", AdminConsole.Flash(page), StringComparison.Ordinal);
        var stored = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.Equal(newEmail, stored.Email);
        Assert.Equal(newEmail, stored.UserName);
        var audited = await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.AdminUserUpdated);
        Assert.Contains(newEmail, audited.Detail, StringComparison.Ordinal);
        using var browser = await StaffConsole.SignedInBrowserAsync(factory, user with { Email = newEmail });
        using var old = factory.NewBrowser();
        var refused = await (await SignInPage.OpenAsync(old)).SubmitExpectingFailureAsync(user.Email, user.Password);
        Assert.NotEqual("", refused.ErrorSummary);
    }

    [Fact]
    public async Task EditingToAnotherAccountsEmailIsRefusedAndChangesNothing()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var (user, other) = (await Seed.UserAsync(factory), await Seed.UserAsync(factory));
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);

        var form = (await console.OpenAsync(StaffRoutes.Member(userId))).FormWith("[name='Input.Email']")
            .Set("Input.DisplayName", "Someone Else").Set("Input.Email", other.Email);
        var page = await StaffConsole.SubmitExpectingErrorsAsync(console, form);

        Assert.Contains("already uses this email", page.FieldError("Input.Email"), StringComparison.Ordinal);
        var stored = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.Equal((user.Email, user.Name), (stored.Email, stored.DisplayName));
        Assert.Equal(0, await StaffConsole.EventCountAsync(factory, userId, SecurityEventKinds.AdminUserUpdated));
    }

    [Fact]
    public async Task AFormPostedWithoutTheAntiforgeryTokenIsRefusedWith400()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var user = await Seed.UserAsync(factory);
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        var form = (await console.OpenAsync(StaffRoutes.Member(userId))).FormWith("[name='Input.Email']")
            .Set("Input.DisplayName", "Forged Name").Remove("__RequestVerificationToken");
        var lockForm = (await console.OpenAsync(StaffRoutes.Lock(userId))).FormWith("[data-action='confirm-lock']")
            .Remove("__RequestVerificationToken");
        var createForm = NewStaffForm(await console.OpenAsync(StaffRoutes.New), Seed.UniqueId("forged") + "@clinic.test")
            .Remove("__RequestVerificationToken");

        Assert.Equal(HttpStatusCode.BadRequest, (await console.SubmitAsync(form)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await console.SubmitAsync(lockForm)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await console.SubmitAsync(createForm)).StatusCode);
        var stored = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.Equal(user.Name, stored.DisplayName);
        Assert.Null(stored.LockoutEnd);
    }

    [Fact]
    public async Task UnknownStaffIdsAnswer404()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var user = await Seed.UserAsync(factory);
        var userId = await StaffConsole.UserIdAsync(factory, user.Email);
        var unknown = Guid.NewGuid().ToString();

        foreach (var url in new[]
        {
            StaffRoutes.Member(unknown), StaffRoutes.Lock(unknown), StaffRoutes.ResetTwoFactor(unknown),
            StaffRoutes.EndAllSessions(unknown), StaffRoutes.EndSession(userId, "no-such-session"),
            StaffRoutes.RevokeApp(userId, Guid.NewGuid().ToString()),
        })
        {
            var response = await console.Browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} gave {(int)response.StatusCode}");
        }
    }

    private static HtmlForm NewStaffForm(PageDocument page, string email) =>
        page.FormWith("[name='Input.Email']")
            .Set("Input.DisplayName", "Nurse Robin Hale").Set("Input.Email", email)
            .Set("Input.Password", Password).Set("Input.ConfirmPassword", Password);
}
