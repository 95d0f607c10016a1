using System.Text;
using ClinikoIdP.Authentication.BackupCodes;
using CsCheck;

namespace ClinikoIdP.UnitTests.Properties;

/// <summary>
/// Backup-code normalisation over generated input: however a person types a real code it reads back as that code,
/// and no string, however strange, throws or turns into a code it does not spell out itself.
/// </summary>
public class BackupCodeNormalizerProperties
{
    private const string Separators = " -";

    /// <summary>Strings rich in what matters here: code symbols, look-alikes, separators, and anything else.</summary>
    private static readonly Gen<string> Typed = Gen.OneOf(
        Gen.String,
        Gen.Char["0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghjkmnpqrstvwxyzOoIiLlUu -\t_.\u0130\u0131\uFF10"].Array[0, 40].Select(c => new string(c)));

    /// <summary>A real code and a random seed for how it is typed.</summary>
    private static readonly Gen<(string Canonical, int Seed)> TypedCodes =
        Gen.Select(Gen.Const(() => BackupCodeNormalizer.Normalize(BackupCodeGenerator.Generate(1)[0])!), Gen.Int);

    [Fact]
    public void AnyWayOfTypingARealCodeReadsAsThatCode() =>
        TypedCodes.Sample((canonical, seed) => Assert.Equal(canonical, BackupCodeNormalizer.Normalize(AsTyped(canonical, new Random(seed)))), iter: 2000);

    [Fact]
    public void NoStringThrowsAndWhatItReadsAsIsSpelledOutInIt() =>
        Typed.Sample(typed =>
        {
            var normalized = BackupCodeNormalizer.Normalize(typed);
            if (normalized is not null)
            {
                Assert.Equal(16, normalized.Length);
                Assert.Equal(Spelled(typed), normalized);
                Assert.Equal(normalized, BackupCodeNormalizer.Normalize(normalized));
            }
        }, iter: 20000);

    [Fact]
    public void ClassificationAgreesWithBothParsers() =>
        Typed.Sample(typed =>
        {
            var kind = BackupCodeNormalizer.Classify(typed);
            var isTotp = Authentication.Totp.TotpCode.Normalize(typed) is not null;
            var isBackup = BackupCodeNormalizer.Normalize(typed) is not null;
            Assert.Equal(isTotp ? TypedCodeKind.TotpCode : isBackup ? TypedCodeKind.BackupCode : TypedCodeKind.Unrecognised, kind);
            Assert.False(isTotp && isBackup);
        }, iter: 20000);

    /// <summary>Random case, look-alike letters for 0 and 1, and separators anywhere.</summary>
    private static string AsTyped(string canonical, Random random)
    {
        var typed = new StringBuilder();
        foreach (var symbol in canonical)
        {
            typed.Append(Separators[random.Next(Separators.Length)], random.Next(3));
            var written = symbol switch
            {
                '0' => "0Oo"[random.Next(3)],
                '1' => "1IiLl"[random.Next(5)],
                _ => symbol,
            };
            typed.Append(random.Next(2) == 0 ? char.ToLowerInvariant(written) : written);
        }

        return typed.Append(Separators[random.Next(Separators.Length)], random.Next(3)).ToString();
    }

    /// <summary>What a string spells once separators go, ASCII letters are upper-cased and look-alikes read as digits.</summary>
    private static string Spelled(string typed) => new([.. typed
        .Where(c => !Separators.Contains(c, StringComparison.Ordinal))
        .Select(c => char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c)
        .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })]);
}
