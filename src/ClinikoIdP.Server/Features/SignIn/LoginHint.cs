using Microsoft.AspNetCore.WebUtilities;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.SignIn;

/// <summary>Reads an OIDC <c>login_hint</c> from the authorization request the sign-in page returns to, to pre-fill the email.</summary>
public static class LoginHint
{
    public static string? FromReturnUrl(string? returnUrl)
    {
        var queryStart = returnUrl?.IndexOf('?', StringComparison.Ordinal) ?? -1;
        if (queryStart < 0)
        {
            return null;
        }

        var query = QueryHelpers.ParseQuery(returnUrl![queryStart..]);
        return query.TryGetValue(Parameters.LoginHint, out var hint) && hint.ToString() is { Length: > 0 and <= 256 } value
            ? value
            : null;
    }
}
