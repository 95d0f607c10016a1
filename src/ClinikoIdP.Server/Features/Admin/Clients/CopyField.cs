namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>One line of the "how to connect" panel: a read-only value with its copy button.</summary>
public sealed record CopyField(string Id, string Label, string Value);
