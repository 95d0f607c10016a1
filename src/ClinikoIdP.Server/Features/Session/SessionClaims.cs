namespace ClinikoIdP.Server.Features.Session;

/// <summary>Claim types carried by the session cookie besides the user's own (sub, name, email, role).</summary>
public static class SessionClaims
{
    /// <summary>How the user authenticated (RFC 8176 values), one claim per method.</summary>
    public const string AuthenticationMethod = "amr";

    /// <summary>Unix time of the last full authentication (OIDC Core §2 <c>auth_time</c>).</summary>
    public const string AuthenticationTime = "auth_time";

    /// <summary>The session identifier shared with clinic apps (OIDC Back-Channel Logout §2.1 <c>sid</c>).</summary>
    public const string SessionId = "sid";

    /// <summary>Unix time the session began, for its absolute lifetime.</summary>
    public const string SessionStarted = "clinikoidp_session_started";

    public static readonly string[] Carried = [AuthenticationMethod, AuthenticationTime, SessionId, SessionStarted];
}
