using ClinikoIdP.Authentication.Totp;
using CsCheck;

namespace ClinikoIdP.UnitTests.Properties;

/// <summary>TOTP code input over generated strings: six ASCII digits or nothing, never an exception.</summary>
public class TotpCodeProperties
{
    [Fact]
    public void AnyStringReadsAsSixAsciiDigitsItSpellsOrAsNothing() =>
        Gen.OneOf(Gen.String, Gen.Char["0123456789 -\u0660\u0661\uFF11\t"].Array[0, 12].Select(c => new string(c))).Sample(typed =>
        {
            var code = TotpCode.Normalize(typed);
            if (code is not null)
            {
                Assert.Matches("^[0-9]{6}$", code);
                Assert.Equal(new string([.. typed.Where(c => c is not (' ' or '-'))]), code);
            }
        }, iter: 20000);

    [Fact]
    public void SixDigitsWithSpacesOrHyphensAnywhereReadAsTheDigits() =>
        Gen.Select(Gen.Int[0, 999_999], Gen.Int).Sample((number, seed) =>
        {
            var random = new Random(seed);
            var digits = number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var typed = string.Concat(digits.Select(d => new string(" -"[random.Next(2)], random.Next(2)) + d));
            Assert.Equal(digits, TotpCode.Normalize(typed));
        }, iter: 5000);
}
