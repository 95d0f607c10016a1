using System.CommandLine;
using System.Data.Common;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.Invitations;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Cli;

/// <summary>
/// <c>admin user invite</c>: the console's invitation from the command line. It delivers the email itself, once, so no
/// running server is needed; a message the mail server did not take stays queued for the server's worker to retry.
/// </summary>
internal static class InviteCommand
{
    public static Command Build(CliRuntime runtime)
    {
        var email = new Option<string>("--email") { Description = "The person's email address: the invitation goes there and it becomes their sign-in name.", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name, e.g. \"Dr Jane Smith\"; the invitation greets them by it." };
        var admin = new Option<bool>("--admin") { Description = "Make the person a ClinikoIdP administrator." };
        var invite = new Command("invite",
            "Create an account without a password and email it a single-use link to choose one, then set up two-step verification. Needs email (Email:Smtp:Host, Email:From) and IdP:Issuer. Inviting an address that is still waiting sends a new link and revokes the earlier one.")
        {
            email, name, admin,
        };
        runtime.SetAction(invite, async (services, parsed, ct) =>
        {
            var result = await services.GetRequiredService<StaffInvitations>().InviteAsync(
                parsed.GetValue(email)!, parsed.GetValue(name), parsed.GetValue(admin), Inviter.CommandLine, ct);
            var sent = await DeliverAsync(services, result.User.Id, ct);
            var who = result.Resent
                ? $"Sent {result.User.Email} a new invitation (the earlier link no longer works)"
                : $"Invited {result.User.Email} (id {result.User.Id}){(parsed.GetValue(admin) ? " as administrator" : "")}";
            var delivery = sent
                ? "the email was sent"
                : "the email is queued because the mail server did not take it yet; a running ClinikoIdP server keeps retrying";
            await runtime.Output.WriteLineAsync($"{who}: {delivery}. The link works once, until {InvitationEmail.When(result.ExpiresAt)}.");
        });
        return invite;
    }

    /// <summary>One delivery pass; true when this invitation went out. A failure here leaves it queued, never lost.</summary>
    private static async Task<bool> DeliverAsync(IServiceProvider services, string userId, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<EmailDelivery>().DeliverDueAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or DbException)
        {
            return false;
        }

        return await services.GetRequiredService<IdpDbContext>().OutboxEmails.AsNoTracking()
            .Where(m => m.UserId == userId && m.Kind == EmailKinds.Invitation)
            .OrderByDescending(m => m.Id)
            .Select(m => m.SentAt)
            .FirstOrDefaultAsync(cancellationToken) is not null;
    }
}
