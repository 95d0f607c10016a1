namespace ClinikoIdP.Server.Features.Pruning;

/// <summary>The pruning settings, read from the <c>IdP</c> section beside the token lifetimes.</summary>
public sealed class PruningOptions
{
    /// <summary><c>IdP:PruneInterval</c>: how often each node deletes spent tokens and authorizations.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// <c>IdP:PruneAfter</c>: spent rows younger than this (or than <c>IdP:RefreshTokenLifetime</c>, whichever is longer)
    /// are kept, so a redeemed refresh token replayed during its lifetime is still recognised and revokes its chain.
    /// </summary>
    public TimeSpan PruneAfter { get; set; } = TimeSpan.FromDays(14);
}
