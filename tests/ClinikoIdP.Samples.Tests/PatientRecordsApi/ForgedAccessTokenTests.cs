using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ClinikoIdP.Samples.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.Samples.Tests.PatientRecordsApi;

/// <summary>
/// RFC 8725 §2.1 and §3.1 (JWT best current practice): the API trusts only RS256/ES256 signatures by the IdP's published
/// keys and only inside the token's lifetime. An unsigned token, one HMAC-signed with the public key (algorithm
/// confusion), one naming a key the IdP never published, and one not valid yet are all refused. Expired and foreign-key
/// tokens: <see cref="PatientRecordsApiTests"/>.
/// </summary>
public sealed class ForgedAccessTokenTests(PatientRecordsApiFactory factory) : IClassFixture<PatientRecordsApiFactory>
{
    private static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private static string PayloadOf(string token) => new JsonWebToken(token).EncodedPayload;

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    public async Task UnsignedTokenIsUnauthorized(string alg)
    {
        var token = $"{Segment($$"""{"alg":"{{alg}}","typ":"at+jwt"}""")}.{PayloadOf(TestIssuer.Instance.AccessToken())}.";

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusForAsync(token));
    }

    [Theory]
    [InlineData("SubjectPublicKeyInfo DER")]
    [InlineData("SubjectPublicKeyInfo PEM")]
    [InlineData("RSA modulus")]
    public async Task TokenHmacSignedWithThePublicKeyIsUnauthorized(string keyForm)
    {
        var rsa = TestIssuer.Instance.SigningKey.Rsa;
        var secret = keyForm switch
        {
            "SubjectPublicKeyInfo DER" => rsa.ExportSubjectPublicKeyInfo(),
            "SubjectPublicKeyInfo PEM" => Encoding.UTF8.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()),
            _ => rsa.ExportParameters(false).Modulus!,
        };
        var header = Segment($$"""{"alg":"HS256","typ":"at+jwt","kid":"{{TestIssuer.Instance.SigningKey.KeyId}}"}""");
        var signingInput = $"{header}.{PayloadOf(TestIssuer.Instance.AccessToken())}";
        var signature = Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusForAsync($"{signingInput}.{signature}"));
    }

    [Fact]
    public async Task TokenNamingAnUnpublishedKeyIdIsUnauthorized()
    {
        var unpublished = new RsaSecurityKey(TestIssuer.Instance.ForeignKey.Rsa) { KeyId = "never-published" };

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusForAsync(TestIssuer.Instance.AccessToken(key: unpublished)));
    }

    [Fact]
    public async Task TokenNotValidYetIsUnauthorized()
    {
        var now = DateTimeOffset.UtcNow;
        var token = TestIssuer.Instance.Sign(new Dictionary<string, object>
        {
            ["iss"] = TestIssuer.Issuer,
            ["aud"] = "patient-records-api",
            ["sub"] = "user-1",
            ["client_id"] = "clinic-appointments",
            ["scope"] = "openid patients.read",
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["iat"] = now.AddHours(1).ToUnixTimeSeconds(),
            ["nbf"] = now.AddHours(1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(2).ToUnixTimeSeconds(),
        }, "at+jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusForAsync(token));
    }

    private async Task<HttpStatusCode> StatusForAsync(string token)
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost/") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/patients");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
