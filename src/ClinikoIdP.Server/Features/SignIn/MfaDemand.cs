using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Features.Clients;
using ClinikoIdP.Server.Features.Connect;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.SignIn;

/// <summary>
/// Whether the clinic app (its "require MFA" and "require phishing-resistant" settings) or the request
/// (<c>acr_values</c>) demands a second factor, or a passkey in particular.
/// </summary>
public sealed record MfaDemandResult(
    bool ClientRequiresMfa,
    bool RequestAsksForMfa,
    bool ClientRequiresPhishingResistance = false,
    bool RequestAsksForPhishingResistance = false);

public sealed class MfaDemand(IOpenIddictApplicationManager applications)
{
    public async Task<MfaDemandResult> ForRequestAsync(string? clientId, string? acrValues, CancellationToken cancellationToken)
    {
        var clientRequires = false;
        var clientRequiresPhishingResistance = false;
        if (!string.IsNullOrEmpty(clientId) && clientId.Length <= 100
            && await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
        {
            var settings = await applications.GetSettingsAsync(application, cancellationToken);
            clientRequires = settings.TryGetValue(ClientSettings.RequireMfa, out var value) && value == "true";
            clientRequiresPhishingResistance = settings.TryGetValue(ClientSettings.RequirePhishingResistant, out var phr) && phr == "true";
        }

        return new MfaDemandResult(
            clientRequires, Acr.AsksForMfa(acrValues), clientRequiresPhishingResistance, Acr.AsksForPhishingResistance(acrValues));
    }

    /// <summary>Reads the demand from the authorization request a sign-in page will return to.</summary>
    public Task<MfaDemandResult> ForReturnUrlAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        var queryStart = returnUrl?.IndexOf('?', StringComparison.Ordinal) ?? -1;
        if (returnUrl is null || queryStart < 0 || !returnUrl.StartsWith("/" + ConnectRoutes.Authorize, StringComparison.Ordinal))
        {
            return Task.FromResult(new MfaDemandResult(false, false));
        }

        var query = QueryHelpers.ParseQuery(returnUrl[queryStart..]);
        return ForRequestAsync(query.GetValueOrDefault(Parameters.ClientId).ToString(), query.GetValueOrDefault(Parameters.AcrValues).ToString(), cancellationToken);
    }
}
