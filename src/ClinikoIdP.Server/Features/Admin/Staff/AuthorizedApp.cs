namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>
/// A clinic app a staff member is signed in to or has consented to: consent is the permanent authorization a
/// third-party app asked for; sign-ins are the ad-hoc authorizations each browser sign-in created.
/// </summary>
public sealed record AuthorizedApp(
    string ApplicationId,
    string Name,
    string? ClientId,
    DateTimeOffset? ConsentedAt,
    IReadOnlyList<string> ConsentedScopes,
    int SignIns,
    DateTimeOffset? LastSignInAt);
