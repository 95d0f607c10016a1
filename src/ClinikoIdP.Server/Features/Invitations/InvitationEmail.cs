using System.Globalization;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Email;

namespace ClinikoIdP.Server.Features.Invitations;

/// <summary>The words of an invitation: who invited whom to what, what to do, until when, and what to do if unexpected.</summary>
public static class InvitationEmail
{
    public const string Subject = "You're invited to set up your account";

    public static EmailContent Compose(string brand, ClinicUser user, Inviter inviter, string url, DateTimeOffset expiresAt, TimeSpan lifetime)
    {
        var greeting = string.IsNullOrWhiteSpace(user.DisplayName) ? "Hello" : $"Hello {user.DisplayName}";
        var who = inviter.Name ?? $"An administrator at {brand}";
        return new EmailContent(Subject, $"{greeting}, you're invited to {brand}",
        [
            $"{who} has created an account for you on {brand}'s sign-in service. You'll use it to sign in to the clinic's apps.",
            "To accept, open the link below and choose a password. You'll then set up two-step verification with an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, Authy or 1Password). It takes about five minutes.",
            $"The link works once and expires in {Describe(lifetime)}, on {When(expiresAt)}. If it has expired, ask your administrator to send a new invitation.",
        ])
        {
            Action = new EmailAction("Accept the invitation", url),
            Facts =
            [
                new("Your sign-in email", user.Email ?? ""),
                new("Invited by", inviter.Name ?? "an administrator (from the command line)"),
                new("Link expires", When(expiresAt)),
            ],
            Closing = "If you weren't expecting this invitation, ignore this email: the account can't be used until someone opens the link and chooses a password. Never forward this email; the link is meant for you alone.",
        };
    }

    public static string When(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"30 minutes", "72 hours", "7 days": the configured lifetime as people say it.</summary>
    public static string Describe(TimeSpan lifetime) =>
        lifetime.TotalMinutes < 120 ? Plural(lifetime.TotalMinutes, "minute")
        : lifetime.TotalHours <= 96 ? Plural(lifetime.TotalHours, "hour")
        : Plural(lifetime.TotalDays, "day");

    private static string Plural(double amount, string unit)
    {
        var count = (int)Math.Round(amount);
        return count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");
    }
}
