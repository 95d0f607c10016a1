namespace ClinikoIdP.Server.Features.Clients;

/// <summary>Which part of a registration a <see cref="ClientProblem"/> is about, so a form can show it beside the field.</summary>
public enum ClientField
{
    ClientId,
    Kind,
    Secret,
    RedirectUris,
    PostLogoutRedirectUris,
    BackChannelLogoutUri,
    Scopes,
    AccessTokenLifetime,
}

/// <summary>One reason a registration is refused.</summary>
/// <param name="Line">For a list of URIs, the 1-based position of the offending one.</param>
public sealed record ClientProblem(ClientField Field, string Message, int? Line = null);
