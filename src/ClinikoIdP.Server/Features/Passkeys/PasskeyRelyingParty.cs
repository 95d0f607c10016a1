using ClinikoIdP.Server.Hosting;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// Who ClinikoIdP is to an authenticator (WebAuthn §5.1.2 "RP ID") and which page origin may answer its challenges.
/// With <c>IdP:Issuer</c> set (always behind a proxy or with several nodes) both come from it, so a passkey works
/// on every node and no forwarded header can change them; otherwise from the request, as Development needs.
/// </summary>
public sealed class PasskeyRelyingParty(IOptions<IdpOptions> idp)
{
    /// <summary>The RP ID: the issuer's host name. Null lets Identity use the request's host.</summary>
    public string? ServerDomain => IssuerUri?.Host;

    /// <summary>The one origin whose pages may use passkeys: scheme, host and port of the issuer or of the request.</summary>
    public string ExpectedOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IssuerUri is { } issuer
            ? issuer.GetLeftPart(UriPartial.Authority)
            : $"{request.Scheme}://{request.Host.Value}";
    }

    /// <summary>
    /// WebAuthn §7.1 step 9 / §7.2 step 13: the client data's origin must be exactly ours, and the ceremony must not
    /// run in a frame of another site (crossOrigin, topOrigin).
    /// </summary>
    public bool IsExpectedOrigin(HttpRequest request, string? origin, bool crossOrigin, string? topOrigin)
    {
        if (crossOrigin || string.IsNullOrEmpty(origin) || !Uri.TryCreate(origin, UriKind.Absolute, out var originUri)
            || !Uri.TryCreate(ExpectedOrigin(request), UriKind.Absolute, out var expected))
        {
            return false;
        }

        return Uri.Compare(originUri, expected, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0
            && originUri.AbsolutePath is "/" or ""
            && (topOrigin is null || string.Equals(topOrigin, origin, StringComparison.OrdinalIgnoreCase));
    }

    private Uri? IssuerUri =>
        Uri.TryCreate(idp.Value.Issuer, UriKind.Absolute, out var uri) ? uri : null;
}
