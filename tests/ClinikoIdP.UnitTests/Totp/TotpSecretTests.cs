using System.Text;
using ClinikoIdP.Authentication.Totp;

namespace ClinikoIdP.UnitTests.Totp;

public class TotpSecretTests
{
    [Fact]
    public void GeneratesTwentyRandomBytes()
    {
        var first = TotpSecret.Generate();
        var second = TotpSecret.Generate();

        Assert.Equal(20, first.Length);
        Assert.NotEqual(first, second);
    }

    // RFC 4648 §10 test vectors, without the padding the Key Uri Format leaves out.
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    [InlineData("12345678901234567890", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")]
    public void EncodesAndDecodesRfc4648Vectors(string text, string base32)
    {
        var bytes = Encoding.ASCII.GetBytes(text);

        Assert.Equal(base32, TotpSecret.ToBase32(bytes));
        Assert.Equal(bytes, TotpSecret.FromBase32(base32));
    }

    [Theory]
    [InlineData("mzxw6ytboi")]
    [InlineData("MZXW 6YTB OI")]
    [InlineData("MZXW-6YTB-OI")]
    [InlineData("MZXW6YTBOI======")]
    public void DecodesSecretTypedByAPerson(string typed)
    {
        Assert.Equal("foobar"u8.ToArray(), TotpSecret.FromBase32(typed));
    }

    [Theory]
    [InlineData("MZXW6YTB0I")]
    [InlineData("MZXW6YTB1I")]
    [InlineData("MZX")]
    [InlineData("M")]
    [InlineData("MZ=XW")]
    [InlineData("MZ")]
    public void RejectsTextThatIsNotBase32(string text)
    {
        // "MZ" would decode "f" with non-zero pad bits: only "MY" is its canonical text.
        Assert.Throws<FormatException>(() => TotpSecret.FromBase32(text));
    }

    [Fact]
    public void RoundTripsGeneratedSecret()
    {
        var secret = TotpSecret.Generate();

        var text = TotpSecret.ToBase32(secret);

        Assert.Equal(32, text.Length);
        Assert.Equal(secret, TotpSecret.FromBase32(text));
    }

    [Theory]
    [InlineData("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ")]
    [InlineData("MZXW6YTBOI", "MZXW 6YTB OI")]
    [InlineData("", "")]
    public void FormatsKeyInGroupsOfFour(string base32, string expected)
    {
        Assert.Equal(expected, TotpSecret.FormatForDisplay(base32));
    }

    [Fact]
    public void DisplayedKeyDecodesToTheSameSecret()
    {
        var secret = TotpSecret.Generate();

        var displayed = TotpSecret.FormatForDisplay(TotpSecret.ToBase32(secret));

        Assert.Equal(secret, TotpSecret.FromBase32(displayed));
    }
}
