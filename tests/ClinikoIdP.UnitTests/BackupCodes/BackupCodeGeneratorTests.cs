using System.Text.RegularExpressions;
using ClinikoIdP.Authentication.BackupCodes;

namespace ClinikoIdP.UnitTests.BackupCodes;

public partial class BackupCodeGeneratorTests
{
    private const string CrockfordAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")]
    private static partial Regex DisplayShape();

    [Fact]
    public void GeneratesTenCodesByDefault()
    {
        Assert.Equal(10, BackupCodeGenerator.Generate().Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    public void GeneratesRequestedNumberOfCodes(int count)
    {
        Assert.Equal(count, BackupCodeGenerator.Generate(count).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RefusesNonPositiveCount(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BackupCodeGenerator.Generate(count));
    }

    [Fact]
    public void CodesAreFourGroupsOfFourCrockfordSymbols()
    {
        Assert.All(BackupCodeGenerator.Generate(), code => Assert.Matches(DisplayShape(), code));
    }

    [Fact]
    public void CodesInOneSetAreDistinct()
    {
        var codes = BackupCodeGenerator.Generate();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EverySymbolPositionTakesEveryAlphabetSymbol()
    {
        // With 80 fresh random bits per code, each of the 16 positions sees each of the 32 symbols
        // about 62 times in 2,000 codes; a position stuck on part of the alphabet (a bias, or bytes
        // reused) would leave gaps. The chance of a gap by bad luck is below 1e-50.
        var canonical = BackupCodeGenerator.Generate(2000)
            .Select(code => code.Replace("-", string.Empty, StringComparison.Ordinal))
            .ToList();

        Assert.Equal(canonical.Count, canonical.Distinct(StringComparer.Ordinal).Count());
        for (var position = 0; position < 16; position++)
        {
            var seen = canonical.Select(code => code[position]).ToHashSet();
            Assert.Equal(CrockfordAlphabet.ToHashSet(), seen);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, "0000-0000-0000-0000")]
    [InlineData(new byte[] { 255, 255, 255, 255, 255, 255, 255, 255, 255, 255 }, "ZZZZ-ZZZZ-ZZZZ-ZZZZ")]
    [InlineData(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, "000G-40R4-0M30-E209")]
    [InlineData(new byte[] { 48, 49, 50, 51, 52, 53, 54, 55, 56, 57 }, "60RK-4CSM-6MV3-EE1S")]
    public void EncodesEightyBitsAsCrockfordBase32(byte[] random, string expected)
    {
        Assert.Equal(expected, BackupCodeGenerator.Encode(random));
    }

    [Fact]
    public void FormatsCanonicalCodeForDisplay()
    {
        Assert.Equal("ABCD-EFGH-JKMN-PQRS", BackupCodeGenerator.Format("ABCDEFGHJKMNPQRS"));
    }

    [Fact]
    public void GeneratedCodesNormaliseToSixteenSymbols()
    {
        Assert.All(
            BackupCodeGenerator.Generate(),
            code => Assert.Equal(code.Replace("-", string.Empty, StringComparison.Ordinal), BackupCodeNormalizer.Normalize(code)));
    }
}
