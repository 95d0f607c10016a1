namespace ClinikoIdP.Server.Features.OrganisationSettings;

/// <summary>How a save of the settings ended.</summary>
public enum SettingsSaveOutcome
{
    Saved,
    Unchanged,
    Invalid,

    /// <summary>Someone else saved since the form was shown; nothing was written.</summary>
    Conflict,
}
