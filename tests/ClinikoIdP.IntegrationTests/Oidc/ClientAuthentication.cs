namespace ClinikoIdP.IntegrationTests.Oidc;

/// <summary>How a confidential client proves itself at the token endpoint (OIDC Core §9).</summary>
public enum ClientAuthentication
{
    /// <summary>HTTP Basic with the form-encoded client id and secret.</summary>
    ClientSecretBasic,

    /// <summary>client_id and client_secret in the form body.</summary>
    ClientSecretPost,

    /// <summary>client_id only, no secret at all.</summary>
    None,
}
