using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>One completed authorization code flow, every step checked as the conformance suite checks it.</summary>
public sealed record CodeFlowResult(AuthorizationRequest Request, AuthorizationResponse Response, TokenResponse Tokens, JsonWebToken IdToken);
