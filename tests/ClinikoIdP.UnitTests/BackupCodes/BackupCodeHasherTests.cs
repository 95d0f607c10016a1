using ClinikoIdP.Authentication.BackupCodes;

namespace ClinikoIdP.UnitTests.BackupCodes;

public class BackupCodeHasherTests
{
    private const string Code = "7K3M9QRTVWXYZ0AB";
    private const string OtherCode = "7K3M9QRTVWXYZ0AC";

    // Few rounds keep the suite fast; the format records them, so Verify is unaffected.
    private readonly BackupCodeHasher hasher = new(iterations: 1000);

    [Fact]
    public void VerifiesTheCodeThatWasHashed()
    {
        Assert.True(BackupCodeHasher.Verify(Code, hasher.Hash(Code)));
    }

    [Fact]
    public void RejectsADifferentCode()
    {
        Assert.False(BackupCodeHasher.Verify(OtherCode, hasher.Hash(Code)));
    }

    [Fact]
    public void SaltsEachHash()
    {
        var first = hasher.Hash(Code);
        var second = hasher.Hash(Code);

        Assert.NotEqual(first, second);
        Assert.NotEqual(first.Split('$')[2], second.Split('$')[2]);
    }

    [Fact]
    public void WritesSelfDescribingFormat()
    {
        var parts = hasher.Hash(Code).Split('$');

        Assert.Equal(4, parts.Length);
        Assert.Equal("pbkdf2-sha512", parts[0]);
        Assert.Equal("1000", parts[1]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(64, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void VerifiesWithTheIterationCountThatWasStored()
    {
        var stored = new BackupCodeHasher(iterations: 2000).Hash(Code);

        Assert.True(BackupCodeHasher.Verify(Code, stored));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RejectsTamperedHash(int part)
    {
        var parts = hasher.Hash(Code).Split('$');
        parts[part] = part == 1 ? "1001" : FlipFirstByte(parts[part]);

        Assert.False(BackupCodeHasher.Verify(Code, string.Join('$', parts)));
    }

    [Theory]
    [InlineData(0, "pbkdf2-sha256")]
    [InlineData(0, "PBKDF2-SHA512")]
    [InlineData(1, "0")]
    [InlineData(1, "-5")]
    [InlineData(1, " 1000")]
    [InlineData(1, "99999999999")]
    [InlineData(2, "not base64")]
    [InlineData(2, "AAAAAAAAAAAAAAAA")]
    [InlineData(3, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void RejectsMalformedStoredValue(int part, string replacement)
    {
        // Each case changes one field of a genuine hash, so it is that field alone that is refused.
        var parts = hasher.Hash(Code).Split('$');
        parts[part] = replacement;

        Assert.False(BackupCodeHasher.Verify(Code, string.Join('$', parts)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pbkdf2-sha512")]
    public void RejectsStoredValueWithMissingFields(string stored)
    {
        Assert.False(BackupCodeHasher.Verify(Code, stored));
    }

    [Fact]
    public void RejectsStoredValueWithExtraField()
    {
        Assert.False(BackupCodeHasher.Verify(Code, hasher.Hash(Code) + "$x"));
    }

    [Theory]
    [InlineData("7K3M-9QRT-VWXY-Z0AB")]
    [InlineData("7k3m9qrtvwxyz0ab")]
    [InlineData("short")]
    public void RefusesNonCanonicalCode(string code)
    {
        Assert.Throws<ArgumentException>(() => hasher.Hash(code));
        Assert.Throws<ArgumentException>(() => BackupCodeHasher.Verify(code, hasher.Hash(Code)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_000_001)]
    public void RefusesUnreasonableIterationCount(int iterations)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackupCodeHasher(iterations));
    }

    [Fact]
    public void DefaultsToOneHundredThousandIterations()
    {
        var parts = new BackupCodeHasher().Hash(Code).Split('$');

        Assert.Equal("100000", parts[1]);
    }

    private static string FlipFirstByte(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        bytes[0] ^= 0x01;
        return Convert.ToBase64String(bytes);
    }
}
