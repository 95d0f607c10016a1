namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>A staff account created with the admin command line, with the password it was given.</summary>
public sealed record StaffMember(string Email, string Password, string Name)
{
    public static async Task<StaffMember> CreateAsync(IIdentityProvider server)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var member = new StaffMember($"nurse.{id}@harbourside.test", $"tide pool {id} lighthouse", $"Alex Morgan {id}");
        await server.AdminAsync("user", "create", "--email", member.Email, "--password", member.Password, "--name", member.Name);
        return member;
    }
}
