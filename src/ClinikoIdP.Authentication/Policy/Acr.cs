namespace ClinikoIdP.Authentication.Policy;

/// <summary>Authentication context class reference values ClinikoIdP issues and understands.</summary>
public static class Acr
{
    /// <summary>Signed in with a password only.</summary>
    public const string Password = "urn:clinikoidp:acr:pwd";

    /// <summary>Signed in with a password and a second factor.</summary>
    public const string MultiFactor = "urn:clinikoidp:acr:mfa";

    /// <summary>A short alias a client may send in acr_values to ask for multi-factor sign-in.</summary>
    public const string MultiFactorAlias = "mfa";

    /// <summary>
    /// Signed in with a passkey: phishing-resistant multi-factor authentication. The value is the one the OpenID
    /// Foundation's Extended Authentication Profile (EAP) ACR values specification defines.
    /// </summary>
    public const string PhishingResistant = "phr";

    /// <summary>
    /// True when the space-separated acr_values (OpenID Connect Core 1.0 §3.1.2.1) name MFA. Values
    /// are compared exactly: acr values are case-sensitive strings.
    /// </summary>
    public static bool AsksForMfa(string? acrValues)
    {
        if (string.IsNullOrWhiteSpace(acrValues))
        {
            return false;
        }

        return acrValues
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(value => value is MultiFactor or MultiFactorAlias or PhishingResistant);
    }

    /// <summary>True when the space-separated acr_values name phishing-resistant authentication.</summary>
    public static bool AsksForPhishingResistance(string? acrValues)
    {
        if (string.IsNullOrWhiteSpace(acrValues))
        {
            return false;
        }

        return acrValues.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(PhishingResistant, StringComparer.Ordinal);
    }
}
