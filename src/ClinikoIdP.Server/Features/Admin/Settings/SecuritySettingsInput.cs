using System.ComponentModel.DataAnnotations;
using ClinikoIdP.Authentication.Settings;

namespace ClinikoIdP.Server.Features.Admin.Settings;

/// <summary>The settings form: durations in the units an administrator thinks in (minutes idle, hours of lifetime).</summary>
public sealed class SecuritySettingsInput
{
    public const string IdleHint = "Enter the idle timeout as a whole number of minutes, from 5 to 720 (12 hours).";
    public const string LifetimeHint = "Enter the session lifetime as a whole number of hours, from 1 to 720 (30 days).";
    public const string LockoutHint = "Enter a whole number of attempts, from 3 to 20.";
    public const string RememberDaysHint = "Enter a whole number of days, from 1 to 90.";

    // Anything past the limits is refused all the same; capping first keeps absurd numbers from overflowing a TimeSpan.
    private const int Cap = 1_000_000;

    [Display(Name = "Require two-step verification for all users")]
    public bool RequireTwoFactor { get; set; }

    [Required(ErrorMessage = IdleHint)]
    [Display(Name = "Sign out after inactivity (minutes)")]
    public int? IdleTimeoutMinutes { get; set; }

    [Required(ErrorMessage = LifetimeHint)]
    [Display(Name = "Sign out after this long in any case (hours)")]
    public int? AbsoluteLifetimeHours { get; set; }

    [Required(ErrorMessage = LockoutHint)]
    [Display(Name = "Failed attempts before the account is locked")]
    public int? LockoutThreshold { get; set; }

    [Display(Name = "Sign in with a passkey alone")]
    public bool PasswordlessPasskeys { get; set; }

    [Display(Name = "Allow staff to remember a computer")]
    public bool RememberComputers { get; set; }

    [Required(ErrorMessage = RememberDaysHint)]
    [Display(Name = "Remember a computer for (days)")]
    public int? RememberComputerDays { get; set; }

    /// <summary>The state of the settings when the form was shown (see <c>OrganisationSettingsWriter</c>).</summary>
    [StringLength(64)]
    public string Stamp { get; set; } = "";

    public static SecuritySettingsInput From(SecuritySettings settings, string stamp) => new()
    {
        RequireTwoFactor = settings.RequireTwoFactor,
        IdleTimeoutMinutes = (int)Math.Round(settings.SessionIdleTimeout.TotalMinutes),
        AbsoluteLifetimeHours = (int)Math.Round(settings.SessionAbsoluteLifetime.TotalHours),
        LockoutThreshold = settings.LockoutThreshold,
        PasswordlessPasskeys = settings.PasswordlessPasskeys,
        RememberComputers = settings.RememberComputers,
        RememberComputerDays = settings.RememberComputerDays,
        Stamp = stamp,
    };

    /// <summary>
    /// The settings as submitted. A number left as the form showed it keeps the exact current value, so a configured
    /// default that is not a whole number of minutes or hours does not count as changed. Built from the current
    /// settings, so a setting this form does not show keeps its value instead of falling back to a default.
    /// </summary>
    public SecuritySettings ToSettings(SecuritySettings current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var shown = From(current, Stamp);
        return current with
        {
            RequireTwoFactor = RequireTwoFactor,
            SessionIdleTimeout = IdleTimeoutMinutes == shown.IdleTimeoutMinutes ? current.SessionIdleTimeout : TimeSpan.FromMinutes(Capped(IdleTimeoutMinutes)),
            SessionAbsoluteLifetime = AbsoluteLifetimeHours == shown.AbsoluteLifetimeHours ? current.SessionAbsoluteLifetime : TimeSpan.FromHours(Capped(AbsoluteLifetimeHours)),
            LockoutThreshold = Capped(LockoutThreshold),
            PasswordlessPasskeys = PasswordlessPasskeys,
            RememberComputers = RememberComputers,
            RememberComputerDays = Capped(RememberComputerDays),
        };
    }

    /// <summary>The form field that shows a setting's problems.</summary>
    public static string FieldFor(string setting) => setting switch
    {
        SecuritySettingNames.RequireTwoFactor => nameof(RequireTwoFactor),
        SecuritySettingNames.SessionIdleTimeout => nameof(IdleTimeoutMinutes),
        SecuritySettingNames.SessionAbsoluteLifetime => nameof(AbsoluteLifetimeHours),
        SecuritySettingNames.LockoutThreshold => nameof(LockoutThreshold),
        SecuritySettingNames.PasswordlessPasskeys => nameof(PasswordlessPasskeys),
        SecuritySettingNames.RememberComputers => nameof(RememberComputers),
        SecuritySettingNames.RememberComputerDays => nameof(RememberComputerDays),
        _ => "",
    };

    private static int Capped(int? value) => Math.Clamp(value ?? 0, -Cap, Cap);
}
