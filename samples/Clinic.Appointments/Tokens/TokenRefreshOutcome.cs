namespace Clinic.Appointments.Tokens;

public enum TokenRefreshOutcome
{
    /// <summary>The saved access token is good for at least another minute.</summary>
    StillValid,

    /// <summary>New tokens were obtained and stored in the authentication properties.</summary>
    Refreshed,

    /// <summary>No usable refresh token, or the IdP refused it: the user must sign in again.</summary>
    Failed,
}
