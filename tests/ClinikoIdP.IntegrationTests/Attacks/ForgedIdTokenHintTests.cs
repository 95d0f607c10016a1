using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.IntegrationTests.Attacks;

/// <summary>
/// RFC 8725 §2.1 at the end-session endpoint: an id_token_hint the identity provider did not sign (algorithm
/// confusion with its own public key, "none" in any spelling, a key id it never published, a forged token dated in the
/// future or the past) proves nothing: the signed-in user is asked before being signed out (RP-Initiated Logout 1.0
/// §2), and even once they answer "Sign out" the hint never earns the redirect back to the app. The unsigned and
/// foreign-key cases with the real kid are in <see cref="Conformance.RpInitiatedLogoutPlan"/>.
/// </summary>
public class ForgedIdTokenHintTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    public static TheoryData<string> Forgeries => new()
    {
        "alg None", "alg NONE", "HS256 with the public key (DER)", "HS256 with the public key (PEM)", "HS256 with the modulus",
        "unpublished kid", "expired, foreign key", "not yet valid, foreign key",
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task ForgedIdTokenHintIsAskedAboutAndGetsNoRedirectBack(string forgery)
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var tokens = await Journeys.SignInForTokensAsync(browser, client, user);
        var genuine = new JsonWebToken(tokens.IdToken!);

        var hint = await ForgeAsync(forgery, genuine);
        var response = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = hint,
            ["post_logout_redirect_uri"] = client.PostLogoutRedirectUri,
            ["state"] = "s",
        }));

        var question = await EndSession.ReadQuestionAsync(response);
        await EndSession.AssertStillSignedInAsync(browser, client);
        var answered = await EndSession.SignOutForm(question).SubmitAsync(browser);
        Assert.True((int)answered.StatusCode < 500, $"Got {(int)answered.StatusCode}.");
        EndSession.AssertNoRedirectTo(answered, client.PostLogoutRedirectUri);
        await EndSession.AssertSignedOutAsync(browser, client);
    }

    private async Task<string> ForgeAsync(string forgery, JsonWebToken genuine)
    {
        var payload = genuine.EncodedPayload;
        switch (forgery)
        {
            case "alg None":
            case "alg NONE":
                return $"{Segment($$"""{"alg":"{{forgery[4..]}}","typ":"JWT"}""")}.{payload}.";
            case "unpublished kid":
                return SignWithForeignKey(payload, "never-published");
            case "expired, foreign key":
                return SignWithForeignKey(Retimed(payload, TimeSpan.FromHours(-2)), genuine.Kid);
            case "not yet valid, foreign key":
                return SignWithForeignKey(Retimed(payload, TimeSpan.FromHours(2)), genuine.Kid);
        }

        using var rsa = await PublishedRsaKeyAsync(genuine.Kid);
        var secret = forgery switch
        {
            "HS256 with the public key (DER)" => rsa.ExportSubjectPublicKeyInfo(),
            "HS256 with the public key (PEM)" => Encoding.UTF8.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()),
            _ => rsa.ExportParameters(false).Modulus!,
        };
        var signingInput = $"{Segment($$"""{"alg":"HS256","typ":"JWT","kid":"{{genuine.Kid}}"}""")}.{payload}";
        return $"{signingInput}.{Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)))}";
    }

    private static string SignWithForeignKey(string payload, string keyId)
    {
        using var foreign = RSA.Create(2048);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            Base64UrlEncoder.Decode(payload), new SigningCredentials(new RsaSecurityKey(foreign) { KeyId = keyId }, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>The payload with iat, nbf and exp moved by <paramref name="shift"/>.</summary>
    private static string Retimed(string payload, TimeSpan shift)
    {
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(payload))!
            .ToDictionary(c => c.Key, c => (object)c.Value);
        var now = DateTimeOffset.UtcNow.Add(shift);
        claims["iat"] = now.ToUnixTimeSeconds();
        claims["nbf"] = now.ToUnixTimeSeconds();
        claims["exp"] = now.AddMinutes(5).ToUnixTimeSeconds();
        return Segment(JsonSerializer.Serialize(claims));
    }

    private async Task<RSA> PublishedRsaKeyAsync(string keyId)
    {
        using var http = factory.NewBackChannel();
        var jwks = new JsonWebKeySet(await http.GetStringAsync("/.well-known/jwks"));
        var key = jwks.Keys.Single(k => k.Kid == keyId);
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(key.N), Exponent = Base64UrlEncoder.DecodeBytes(key.E) });
        return rsa;
    }
}
