namespace ClinikoIdP.Server.Features.Email;

/// <summary>The <c>Email</c> configuration section: how ClinikoIdP reaches an SMTP server, and the lifetimes of emailed links.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender address; email is off until both this and <c>Email:Smtp:Host</c> are set.</summary>
    public string? From { get; set; }

    /// <summary>The sender's display name and the brand in every message; the authenticator issuer name when empty.</summary>
    public string? FromName { get; set; }

    /// <summary>How long an invitation link stays usable.</summary>
    public TimeSpan InvitationLinkLifetime { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How long a password-reset link stays usable.</summary>
    public TimeSpan PasswordResetLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The IANA time zone (e.g. <c>Australia/Sydney</c>) in which security notifications say when something happened;
    /// UTC when unset or unknown (the admin console's email page says which applies).
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How often each node looks for queued messages when nothing has woken it sooner.</summary>
    public TimeSpan DeliveryPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a message is given up (with growing delays between them: about four hours in all).</summary>
    public int MaxDeliveryAttempts { get; set; } = 10;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>The <c>Email:Smtp</c> section.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>StartTls</c> (require STARTTLS), <c>SslOnConnect</c> (implicit TLS, usually port 465), <c>Auto</c> (TLS when
    /// the server offers it) or <c>None</c> (plain text: only for a mail server on loopback).
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    Auto,
    None,
}
