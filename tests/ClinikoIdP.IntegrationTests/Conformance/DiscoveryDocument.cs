using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Connect;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>The discovery document (OpenID Connect Discovery 1.0 §4) as a relying party reads it.</summary>
public static class DiscoveryDocument
{
    public static async Task<JsonElement> ReadAsync(IdpFactory factory)
    {
        using var client = factory.NewBackChannel();
        var response = await client.GetAsync("/" + ConnectRoutes.Discovery);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>A string-array member, empty when absent.</summary>
    public static string[] Strings(JsonElement configuration, string name) =>
        configuration.TryGetProperty(name, out var value) ? [.. value.EnumerateArray().Select(e => e.GetString()!)] : [];

    /// <summary>A boolean member, or <paramref name="absentMeans"/> (the default the specification gives) when absent.</summary>
    public static bool Flag(JsonElement configuration, string name, bool absentMeans) =>
        configuration.TryGetProperty(name, out var value) ? value.GetBoolean() : absentMeans;
}
