namespace ClinikoIdP.Authentication.Settings;

/// <summary>What to do with a session cookie presented now.</summary>
public enum SessionActivity
{
    /// <summary>The session is current; its cookie was renewed recently enough.</summary>
    Current,

    /// <summary>The session is current and its cookie should be reissued, recording this request as its latest activity.</summary>
    Renew,

    /// <summary>No request for longer than the idle timeout: the session has ended.</summary>
    Idle,

    /// <summary>Older than the absolute lifetime: the session has ended whatever the activity.</summary>
    Expired,
}
