using ClinikoIdP.Authentication.Settings;

namespace ClinikoIdP.Server.Features.OrganisationSettings;

/// <summary>What a save did: the changes written, or the problems that stopped it.</summary>
public sealed record SettingsSaveResult(
    SettingsSaveOutcome Outcome, IReadOnlyList<SettingChange> Changes, IReadOnlyList<SettingProblem> Problems)
{
    public static SettingsSaveResult Of(SettingsSaveOutcome outcome) => new(outcome, [], []);
}
