namespace ClinikoIdP.Server.Features.Operations.Logs;

/// <summary>
/// Keeps a query string's parameter names and drops their values: clients put secrets in them (an id token as
/// <c>id_token_hint</c> at end-session, OIDC Core RP-Initiated Logout §2; a password-reset link's token).
/// </summary>
public static class QueryRedaction
{
    public const string Placeholder = "[redacted]";

    public static string Redact(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return query ?? "";
        }

        var pairs = query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2)[0] + (pair.Contains('=', StringComparison.Ordinal) ? "=" + Placeholder : ""));
        return "?" + string.Join('&', pairs);
    }
}
