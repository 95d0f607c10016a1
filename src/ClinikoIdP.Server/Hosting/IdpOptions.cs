namespace ClinikoIdP.Server.Hosting;

/// <summary>The <c>IdP</c> configuration section.</summary>
public sealed class IdpOptions
{
    public const string Section = "IdP";

    /// <summary>Absolute issuer URL; derived from the request when empty (needed behind a proxy or with several nodes).</summary>
    public string? Issuer { get; set; }

    /// <summary>A session ends this long after sign-in whatever the activity (NIST SP 800-63B-4 AAL2: at most 24 h).</summary>
    public TimeSpan SessionAbsoluteLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session ends after this long without activity (NIST SP 800-63B-4 AAL2: at most 1 h).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a password-verified, second-factor-pending sign-in waits for the next step.</summary>
    public TimeSpan PendingSignInLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often each node looks for back-channel logout notices to deliver.</summary>
    public TimeSpan BackChannelLogoutPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a rotated-out key stays published so that the tokens it signed remain verifiable.</summary>
    public TimeSpan RetiredKeyLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often each node looks in the database for a rotated (or expired) key and loads the new set.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often a node looks for clients and scopes changed elsewhere (another node, the command line) and drops its
    /// cached copies (<see cref="Features.RegistrationCache.RegistrationWatcher"/>).
    /// </summary>
    public TimeSpan RegistrationRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}
