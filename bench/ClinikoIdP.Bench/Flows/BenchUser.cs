namespace ClinikoIdP.Bench.Flows;

/// <summary>A seeded user: the sign-in name and password, and once enrolled, their authenticator app.</summary>
public sealed class BenchUser(string email, string password)
{
    public string Email => email;

    public string Password => password;

    public AuthenticatorApp? App { get; set; }
}
