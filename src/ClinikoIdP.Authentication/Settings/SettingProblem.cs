namespace ClinikoIdP.Authentication.Settings;

/// <summary>Why a proposed value was refused, for the setting it concerns.</summary>
public sealed record SettingProblem(string Setting, string Message);
