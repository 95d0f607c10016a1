namespace ClinikoIdP.Server.Features.Admin.Settings;

/// <summary>Where a setting's value comes from, as the settings page says it.</summary>
/// <param name="Changed">True when an administrator changed it; false for the configured default.</param>
public sealed record SettingOrigin(bool Changed, string Text);
