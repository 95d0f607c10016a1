namespace Clinic.Appointments.BackChannelLogout;

/// <summary>The outcome of validating a logout token: the session (sid) and/or user (sub) to sign out, or why not.</summary>
public sealed record LogoutTokenResult(bool IsValid, string? SessionId, string? Subject, DateTimeOffset IssuedAt, string? Problem)
{
    public static LogoutTokenResult Valid(string? sessionId, string? subject, DateTimeOffset issuedAt) =>
        new(true, sessionId, subject, issuedAt, null);

    public static LogoutTokenResult Invalid(string problem) => new(false, null, null, default, problem);
}
