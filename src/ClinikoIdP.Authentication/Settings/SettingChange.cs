namespace ClinikoIdP.Authentication.Settings;

/// <summary>One setting that changed, with its old and new values as an auditor reads them.</summary>
public sealed record SettingChange(string Setting, string OldValue, string NewValue)
{
    public override string ToString() => $"{SecuritySettingNames.Describe(Setting)}: {OldValue} → {NewValue}";

    /// <summary>The settings whose values differ between two sets, in the console's order.</summary>
    public static IReadOnlyList<SettingChange> Between(SecuritySettings before, SecuritySettings after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. SecuritySettingNames.All
            .Where(name => StoredSecuritySettings.Format(name, before) != StoredSecuritySettings.Format(name, after))
            .Select(name => new SettingChange(name, SettingText.Value(name, before), SettingText.Value(name, after)))];
    }
}
