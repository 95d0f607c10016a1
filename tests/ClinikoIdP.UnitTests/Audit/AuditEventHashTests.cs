using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.UnitTests.Audit;

public class AuditEventHashTests
{
    private static readonly string PreviousHash = string.Concat(Enumerable.Repeat("ab", 32));

    private static SecurityEventRecord Event() => new()
    {
        Id = 41,
        Sequence = 7,
        OccurredAt = new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.Zero),
        Kind = "sign_in",
        Outcome = "succeeded",
        UserId = "u-1",
        Email = "jane@clinic.test",
        ActorId = null,
        ClientId = "billing",
        IpAddress = "192.0.2.10",
        UserAgent = "Mozilla/5.0",
        Detail = "password",
        PreviousHash = PreviousHash,
    };

    [Fact]
    public void MatchesTheDocumentedEncoding()
    {
        // Computed independently of this code (a short Python script over the encoding in docs/admin/audit-trail.md):
        // changing the encoding would make every stored event look edited, so it needs a new version tag instead.
        Assert.Equal("b79119baf03047b5f795aa1ed180dcbdc8dd7a6eccc96d1187bc104795fe10aa", AuditEventHash.Compute(Event()));
    }

    [Fact]
    public void IsSixtyFourLowercaseHexDigits()
    {
        var hash = AuditEventHash.Compute(Event());

        Assert.Equal(AuditEventHash.HexLength, hash.Length);
        Assert.True(AuditEventHash.IsWellFormed(hash));
        Assert.Equal(hash.ToLowerInvariant(), hash);
    }

    [Fact]
    public void IsTheSameForTheSameContent()
    {
        Assert.Equal(AuditEventHash.Compute(Event()), AuditEventHash.Compute(Event()));
    }

    [Fact]
    public void IgnoresTheDatabaseIdWhichIsAssignedOnlyOnInsert()
    {
        var other = Event();
        other.Id = 9000;

        Assert.Equal(AuditEventHash.Compute(Event()), AuditEventHash.Compute(other));
    }

    public static TheoryData<string, Action<SecurityEventRecord>> EveryStoredField => new()
    {
        { "Sequence", e => e.Sequence = 8 },
        { "OccurredAt", e => e.OccurredAt = e.OccurredAt.AddTicks(1000) },
        { "Kind", e => e.Kind = "second_factor" },
        { "Outcome", e => e.Outcome = "failed" },
        { "UserId", e => e.UserId = "u-2" },
        { "Email", e => e.Email = "jane@clinic.test " },
        { "ActorId", e => e.ActorId = "cli" },
        { "ClientId", e => e.ClientId = null },
        { "IpAddress", e => e.IpAddress = "192.0.2.11" },
        { "UserAgent", e => e.UserAgent = "curl/8" },
        { "Detail", e => e.Detail = "Password" },
        { "PreviousHash", e => e.PreviousHash = "" },
    };

    [Theory]
    [MemberData(nameof(EveryStoredField))]
    public void ChangesWhenAnyStoredFieldChanges(string field, Action<SecurityEventRecord> edit)
    {
        var edited = Event();
        edit(edited);

        Assert.True(AuditEventHash.Compute(Event()) != AuditEventHash.Compute(edited), $"Editing {field} went unnoticed.");
    }

    [Fact]
    public void TellsAMissingValueFromAnEmptyOne()
    {
        var missing = Event();
        missing.Detail = null;
        var empty = Event();
        empty.Detail = "";

        Assert.NotEqual(AuditEventHash.Compute(missing), AuditEventHash.Compute(empty));
    }

    [Fact]
    public void KeepsFieldBoundariesUnambiguous()
    {
        var first = Event();
        (first.Kind, first.Outcome) = ("sign_in_", "failed");
        var second = Event();
        (second.Kind, second.Outcome) = ("sign_in", "_failed");

        Assert.NotEqual(AuditEventHash.Compute(first), AuditEventHash.Compute(second));
    }

    [Fact]
    public void DoesNotDependOnTheOffsetTheTimeWasWrittenIn()
    {
        var local = Event();
        local.OccurredAt = local.OccurredAt.ToOffset(TimeSpan.FromHours(10));

        Assert.Equal(AuditEventHash.Compute(Event()), AuditEventHash.Compute(local));
    }

    [Fact]
    public void NormalizesTimesToWhatTheDatabaseKeeps()
    {
        var precise = new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.FromHours(2)).AddTicks(1234);

        var stored = AuditEventHash.NormalizeTime(precise);

        Assert.Equal(TimeSpan.Zero, stored.Offset);
        Assert.Equal(precise.UtcTicks - 234, stored.UtcTicks);
        Assert.Equal(stored, AuditEventHash.NormalizeTime(stored));
    }

    [Fact]
    public void RefusesAnEventWithoutAPlaceInTheChain()
    {
        var unplaced = Event();
        unplaced.Sequence = null;

        Assert.Throws<ArgumentException>(() => AuditEventHash.Compute(unplaced));
    }

    [Theory]
    [InlineData("B79119BAF03047B5F795AA1ED180DCBDC8DD7A6ECCC96D1187BC104795FE10AA", true)]
    [InlineData("b79119baf03047b5f795aa1ed180dcbdc8dd7a6eccc96d1187bc104795fe10a", false)]
    [InlineData("g79119baf03047b5f795aa1ed180dcbdc8dd7a6eccc96d1187bc104795fe10aa", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void RecognisesAWellFormedHeadHash(string? value, bool expected)
    {
        Assert.Equal(expected, AuditEventHash.IsWellFormed(value));
    }
}
