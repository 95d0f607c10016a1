namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>An identity provider a browser can reach: one server, or several nodes behind a load balancer.</summary>
public interface IIdentityProvider
{
    /// <summary>The issuer's base address, as browsers and clinic apps use it.</summary>
    Uri BaseAddress { get; }

    /// <summary>Runs <c>admin ARGS…</c> against the provider's database, as an operator would; it must succeed.</summary>
    Task<string> AdminAsync(params string[] args);
}
