using System.Text;
using System.Text.Json;

namespace ClinikoIdP.Bench.Scenarios;

/// <summary>One real token request before a load run: the load must measure tokens issued, not errors.</summary>
public static class TokenProbe
{
    /// <summary>The "alg" of the access token issued for <paramref name="body"/>; throws when no token is issued.</summary>
    public static async Task<string> AccessTokenAlgorithm(Uri token, string body)
    {
        using var client = new HttpClient();
        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await client.PostAsync(token, content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{token} answered {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
        }

        using var json = JsonDocument.Parse(text);
        var header = json.RootElement.GetProperty("access_token").GetString()!.Split('.')[0];
        var padded = header.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (header.Length % 4)) % 4);
        using var decoded = JsonDocument.Parse(Convert.FromBase64String(padded));
        return decoded.RootElement.GetProperty("alg").GetString() ?? "none";
    }

    public static string ClientCredentialsBody(string clientId, string secret, string scope) =>
        $"grant_type=client_credentials&client_id={Uri.EscapeDataString(clientId)}&client_secret={Uri.EscapeDataString(secret)}&scope={Uri.EscapeDataString(scope)}";
}
