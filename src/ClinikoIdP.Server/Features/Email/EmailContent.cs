namespace ClinikoIdP.Server.Features.Email;

/// <summary>
/// What a message says, before it is dressed in the clinic's brand: a heading, a few short paragraphs, an optional
/// button, facts (when, from where) and a closing line (usually what to do if it was not you).
/// </summary>
public sealed record EmailContent(string Subject, string Heading, IReadOnlyList<string> Paragraphs)
{
    public EmailAction? Action { get; init; }

    /// <summary>Label and value pairs shown as a small table (e.g. "When", "From").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; } = [];

    public string? Closing { get; init; }
}

/// <summary>A link the message asks the reader to follow, shown as a button and as the bare address.</summary>
public sealed record EmailAction(string Label, string Url);
