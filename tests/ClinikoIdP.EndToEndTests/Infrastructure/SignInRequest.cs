namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>An authorization request URL and the values the clinic app keeps to check and redeem its answer.</summary>
public sealed record SignInRequest(string Url, string Verifier, string State, string Nonce);
