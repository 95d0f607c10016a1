namespace ClinikoIdP.Server.Features.Email;

/// <summary>
/// An email waiting to be sent (or already sent). Queued in the same database as everything else, so a page never
/// waits for a mail server, a dead one loses nothing, and any node delivers after a restart. The body is encrypted
/// with Data Protection while queued (it may carry a live invitation or reset link) and erased once sent.
/// </summary>
public sealed class OutboxEmailRecord
{
    public long Id { get; set; }

    /// <summary>What the message is about (see <see cref="EmailKinds"/>): lets the console and the tests find it.</summary>
    public required string Kind { get; set; }

    public string? UserId { get; set; }

    public required string Recipient { get; set; }

    public required string Subject { get; set; }

    /// <summary>The protected text and HTML bodies; null once the message has been sent or given up.</summary>
    public string? ProtectedBody { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set while one node is sending, so two nodes never send the same message at once.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? AbandonedAt { get; set; }

    public string? LastError { get; set; }
}
