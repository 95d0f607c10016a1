using System.Net;
using System.Text.Json;

namespace ClinikoIdP.IntegrationTests.Oidc;

/// <summary>A token endpoint answer: tokens on success, <c>error</c> otherwise.</summary>
public sealed class TokenResponse
{
    private TokenResponse(HttpStatusCode status, JsonElement json)
    {
        Status = status;
        Json = json;
    }

    public HttpStatusCode Status { get; }

    public JsonElement Json { get; }

    public string? AccessToken => Read("access_token");

    public string? IdToken => Read("id_token");

    public string? RefreshToken => Read("refresh_token");

    public string? Error => Read("error");

    public string? Scope => Read("scope");

    public bool IsSuccess => Status == HttpStatusCode.OK && AccessToken is not null;

    public static async Task<TokenResponse> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        return new TokenResponse(response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>Asserts success (with the body in the message when not) and returns this.</summary>
    public TokenResponse EnsureSuccess()
    {
        Assert.True(IsSuccess, $"Token request failed: {(int)Status} {Json}");
        return this;
    }

    private string? Read(string name) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
