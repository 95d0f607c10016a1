namespace ClinikoIdP.Authentication.Settings;

/// <summary>The effective settings: the configured defaults with the stored values laid over them.</summary>
/// <param name="Effective">The values in force.</param>
/// <param name="Stored">The settings whose value comes from a stored row rather than the configuration.</param>
/// <param name="Ignored">Stored rows that could not be used (unreadable or outside the limits): the default applies.</param>
public sealed record ResolvedSecuritySettings(SecuritySettings Effective, IReadOnlySet<string> Stored, IReadOnlyList<string> Ignored);
