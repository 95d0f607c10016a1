using System.Globalization;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Email;

namespace ClinikoIdP.Server.Features.PasswordReset;

/// <summary>The words of the password-reset email.</summary>
public static class PasswordResetEmail
{
    public const string Subject = "Reset your password";

    public static EmailContent Compose(
        string brand, ClinicUser user, bool hasSecondFactor, string link, TimeSpan lifetime, DateTimeOffset requestedAt, string? requestedFrom)
    {
        var lasts = Describe(lifetime);
        List<string> paragraphs =
        [
            $"Someone asked to reset the password of the {brand} account {user.Email}. If it was you, choose a new password with the link below.",
            $"The link works once, within {lasts}.",
        ];
        if (hasSecondFactor)
        {
            paragraphs.Add("You will still need your second step (a code from your authenticator app, a backup code or your passkey): the new password takes effect only after that.");
        }

        List<KeyValuePair<string, string>> facts =
        [
            new("Requested", requestedAt.UtcDateTime.ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        ];
        if (!string.IsNullOrEmpty(requestedFrom))
        {
            facts.Add(new("From", $"IP address {requestedFrom}"));
        }

        return new EmailContent(Subject, "Reset your password", paragraphs)
        {
            Action = new EmailAction("Choose a new password", link),
            Facts = facts,
            Closing = "If you didn't ask for this, ignore this email: your password stays as it is and the link expires on its own. "
                + "If these emails keep coming, tell your clinic's administrator.",
        };
    }

    /// <summary>"30 minutes", "1 hour", "2 hours": the lifetime as a person says it.</summary>
    public static string Describe(TimeSpan lifetime)
    {
        if (lifetime >= TimeSpan.FromHours(1) && lifetime.Ticks % TimeSpan.TicksPerHour == 0)
        {
            var hours = (int)lifetime.TotalHours;
            return hours == 1 ? "1 hour" : $"{hours} hours";
        }

        var minutes = Math.Max(1, (int)Math.Round(lifetime.TotalMinutes));
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}
