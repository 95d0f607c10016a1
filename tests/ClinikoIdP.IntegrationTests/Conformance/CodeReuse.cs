namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>What oidcc-codereuse checks once the code has been redeemed and time has passed.</summary>
public static class CodeReuse
{
    public static async Task AssertRefusedAndRevokedAsync(SuiteClient suite, CodeFlowResult first)
    {
        var client = suite.Client;

        var reuse = await client.RedeemCodeAsync(first.Response.Code!, first.Request.Pkce.Verifier);

        Assert.Equal("invalid_grant", reuse.Error);
        Assert.Null(reuse.AccessToken);

        // OIDC Core §3.1.3.2 / RFC 6749 §4.1.2: the tokens issued for the code SHOULD be revoked; here they are.
        Assert.False((await client.IntrospectAsync(first.Tokens.AccessToken!)).GetProperty("active").GetBoolean());
        Assert.Equal("invalid_grant", (await client.RefreshAsync(first.Tokens.RefreshToken!)).Error);
    }
}
