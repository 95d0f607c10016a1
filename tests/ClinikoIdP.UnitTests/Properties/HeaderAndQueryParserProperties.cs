using ClinikoIdP.Authentication.BackupCodes;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Features.Operations.Logs;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.RememberedComputers;
using CsCheck;

namespace ClinikoIdP.UnitTests.Properties;

/// <summary>
/// The other text the project parses by hand, from headers, queries and stored values, over generated input: nothing
/// throws, and what each parser promises holds for every input.
/// </summary>
public class HeaderAndQueryParserProperties
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.OneOf("Mozilla/5.0", "(", ")", ";", " ", "Chrome/", "Firefox/", "Edg/", "Safari/", "Windows NT 10.0", "Mac OS X", "Android", "iPhone", "/", "\0", "\uD800")
            .Array[0, 10].Select(parts => string.Concat(parts)));

    private static readonly Gen<string> Queries = Gen.OneOf(
        Gen.String,
        Gen.OneOf("?", "&", "=", "code", "state", "secret", "%", "%3D", "%26", "x", "==", "\0").Array[0, 12].Select(parts => string.Concat(parts)));

    [Fact]
    public void UserAgentDescriptionNeverThrowsAndNamesSomething() =>
        Text.Sample(agent =>
        {
            var (browser, system) = RememberedComputerUserAgent.Parse(agent);
            // Only coarse names, never the header's own text: a user agent is whatever the other end chose to send.
            Assert.All(new[] { browser, system }, name =>
            {
                Assert.False(string.IsNullOrWhiteSpace(name));
                Assert.True(name.Length <= 40, name);
                Assert.DoesNotContain(name, char.IsControl);
            });
        }, iter: 20000);

    [Fact]
    public void QueryRedactionNeverLetsAValueThrough() =>
        Gen.Select(Queries, Gen.Char['a', 'z'].Array[12].Select(c => "V" + new string(c))).Sample((query, secret) =>
        {
            var redacted = QueryRedaction.Redact(query + "&k=" + secret + "&" + query);
            Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        }, iter: 20000);

    [Fact]
    public void AcrValuesNeverThrowAndPhishingResistanceImpliesMfa() =>
        Gen.OneOf(Text, Gen.OneOf(Acr.MultiFactor, Acr.MultiFactorAlias, Acr.PhishingResistant, Acr.Password, " ", "x").Array[0, 5].Select(v => string.Join(' ', v)))
            .Sample(values => Assert.True(!Acr.AsksForPhishingResistance(values) || Acr.AsksForMfa(values)), iter: 20000);

    [Fact]
    public void PasskeyNamesAreCleanedWithoutThrowing() =>
        Text.Sample(name =>
        {
            var cleaned = PasskeyName.Clean(name);
            Assert.DoesNotContain(cleaned, char.IsControl);
            _ = PasskeyName.Problem(name);
        }, iter: 20000);

    [Fact]
    public void ACorruptStoredBackupCodeHashNeverMatchesNorThrows() =>
        Gen.OneOf(Gen.String, Gen.OneOf("$", "v1", "pbkdf2", "100000", "210000", "-1", "AAAA", "==", "0").Array[0, 8].Select(p => string.Concat(p)))
            .Sample(stored => Assert.False(BackupCodeHasher.Verify("0123456789ABCDEF", stored)), iter: 5000);
}
