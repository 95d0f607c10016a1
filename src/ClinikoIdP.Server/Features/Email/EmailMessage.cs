namespace ClinikoIdP.Server.Features.Email;

/// <summary>One message to one person, in plain text and HTML (the same words in both).</summary>
public sealed record EmailMessage(string To, string Subject, string Text, string Html);
