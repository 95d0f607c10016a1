using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>
/// The audit chain's hash of one event: SHA-256 over a versioned, length-prefixed encoding of every field the event
/// stores (its database <see cref="SecurityEventRecord.Id"/> aside, which is assigned only on insert; the
/// <see cref="SecurityEventRecord.Sequence"/> is the event's place in the chain) and the previous event's hash.
/// </summary>
public static class AuditEventHash
{
    /// <summary>Changing the encoding means a new version tag: events already written keep verifying under theirs.</summary>
    public const string Version = "clinikoidp-audit-event-v1";

    public const int HexLength = 64;

    // The database stores times to a tenth of a millisecond (EF Core's DateTimeOffsetToBinaryConverter), so the hash
    // covers the time as it will be read back, not the finer one the clock gave.
    private const long StoredTickPrecision = 1000;

    public static DateTimeOffset NormalizeTime(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % StoredTickPrecision), TimeSpan.Zero);

    public static string Compute(SecurityEventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var sequence = record.Sequence
            ?? throw new ArgumentException("Only an event with its place in the chain can be hashed.", nameof(record));

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(hash, Version);
        AppendNumber(hash, sequence);
        AppendNumber(hash, record.OccurredAt.UtcTicks);
        AppendText(hash, record.Kind);
        AppendText(hash, record.Outcome);
        AppendText(hash, record.UserId);
        AppendText(hash, record.Email);
        AppendText(hash, record.ActorId);
        AppendText(hash, record.ClientId);
        AppendText(hash, record.IpAddress);
        AppendText(hash, record.UserAgent);
        AppendText(hash, record.Detail);
        AppendText(hash, record.PreviousHash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>True for 64 hexadecimal digits (either case), the shape of a hash an auditor copied down.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: HexLength } && value.All(char.IsAsciiHexDigit);

    private static void AppendNumber(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        hash.AppendData(bytes);
    }

    // A length before every text keeps field boundaries unambiguous ("ab"+"c" differs from "a"+"bc");
    // -1 marks a missing value, so null and "" hash differently.
    private static void AppendText(IncrementalHash hash, string? value)
    {
        if (value is null)
        {
            AppendNumber(hash, -1);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        AppendNumber(hash, bytes.Length);
        hash.AppendData(bytes);
    }
}
