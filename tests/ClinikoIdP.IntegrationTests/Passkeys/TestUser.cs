namespace ClinikoIdP.IntegrationTests.Passkeys;

/// <summary>The least a user needs to be for ASP.NET Core Identity's passkey handler.</summary>
internal sealed class TestUser(string id, string userName)
{
    public string Id { get; } = id;

    public string UserName { get; set; } = userName;

    public string? NormalizedUserName { get; set; }
}
