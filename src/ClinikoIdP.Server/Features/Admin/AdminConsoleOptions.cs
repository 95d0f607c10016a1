namespace ClinikoIdP.Server.Features.Admin;

/// <summary>The <c>Admin</c> configuration section.</summary>
public sealed class AdminConsoleOptions
{
    public const string Section = "Admin";

    /// <summary>
    /// How recently an administrator must have passed a second factor to use the console, whatever
    /// <c>TwoFactor:Enforcement</c> says: an unattended, signed-in front-desk computer must not open the console.
    /// </summary>
    public TimeSpan RecentSecondFactorWindow { get; set; } = TimeSpan.FromMinutes(15);
}
