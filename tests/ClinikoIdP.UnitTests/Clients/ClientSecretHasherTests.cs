using ClinikoIdP.Server.Features.Clients;

namespace ClinikoIdP.UnitTests.Clients;

public class ClientSecretHasherTests
{
    [Fact]
    public void GeneratedSecretsCarryAtLeast256BitsAndQualifyForTheFastHash()
    {
        var secret = ClientRegistrar.GenerateSecret();

        Assert.True(secret.Length * 6 >= 256, secret);
        Assert.True(ClientSecretHasher.QualifiesForFastHash(secret));
        Assert.NotEqual(secret, ClientRegistrar.GenerateSecret());
    }

    [Fact]
    public void ShorterSecretsDoNotQualify() =>
        Assert.False(ClientSecretHasher.QualifiesForFastHash(new string('x', ClientSecretHasher.MinimumLength - 1)));

    [Fact]
    public void StoredValueNamesItsSchemeAndHoldsNoSecret()
    {
        var secret = ClientRegistrar.GenerateSecret();

        var stored = ClientSecretHasher.Hash(secret);

        Assert.StartsWith("sha256:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        Assert.True(ClientSecretHasher.IsFastHash(stored));
    }

    [Fact]
    public void VerifiesTheRightSecretOnly()
    {
        var secret = ClientRegistrar.GenerateSecret();
        var stored = ClientSecretHasher.Hash(secret);

        Assert.True(ClientSecretHasher.Verify(secret, stored));
        Assert.False(ClientSecretHasher.Verify(secret + "x", stored));
        Assert.False(ClientSecretHasher.Verify(secret[..^1], stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256:")]
    [InlineData("sha256:not base64!")]
    [InlineData("sha256:AAAA")]
    [InlineData("AQAAAAEAACcQAAAAEP8=")]
    public void RefusesMalformedOrForeignStoredValues(string stored) =>
        Assert.False(ClientSecretHasher.Verify(ClientRegistrar.GenerateSecret(), stored));
}
