using ClinikoIdP.Server.Hosting;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.AccountLinks;

/// <summary>
/// Builds the absolute addresses put in emails: under <c>IdP:Issuer</c> when it is set (always, behind a proxy or
/// with several nodes), else under the address of the request being served. The command line has no request, so
/// it needs <c>IdP:Issuer</c>.
/// </summary>
public sealed class AccountLinkUrls(IOptions<IdpOptions> options, IHttpContextAccessor httpContextAccessor)
{
    public const string MissingIssuer =
        "Set IdP:Issuer to the server's public address (for example https://id.clinic.example/) so the emailed link points at it.";

    /// <summary>The public base address ending in "/", or null when it cannot be known.</summary>
    public string? BaseAddress
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.Issuer))
            {
                var issuer = options.Value.Issuer!;
                return issuer.EndsWith('/') ? issuer : issuer + "/";
            }

            return httpContextAccessor.HttpContext?.Request is { } request
                ? $"{request.Scheme}://{request.Host}{request.PathBase}/"
                : null;
        }
    }

    /// <summary>The absolute address of <paramref name="path"/> (starting with "/") with the token as its query.</summary>
    public string? For(string path, string token) =>
        BaseAddress is { } root ? $"{root.TrimEnd('/')}{path}?token={Uri.EscapeDataString(token)}" : null;
}
