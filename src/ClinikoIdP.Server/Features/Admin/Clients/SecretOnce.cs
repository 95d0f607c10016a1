namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>A client secret shown on the response that created it, and never again (only its hash is stored).</summary>
public sealed record SecretOnce(string ClientId, string DisplayName, string Secret, string Heading);
