namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>The name a person gives a passkey so they can tell their passkeys apart.</summary>
public static class PasskeyName
{
    /// <summary>What is wrong with a typed name, or null when it will do.</summary>
    public static string? Problem(string? name)
    {
        var cleaned = Clean(name);
        if (cleaned.Length == 0)
        {
            return PasskeyMessages.NameRequired;
        }

        return cleaned.Length > PasskeyCredentials.MaxNameLength ? PasskeyMessages.NameTooLong : null;
    }

    /// <summary>Trimmed, with control characters and runs of spaces collapsed: it is shown on pages and in emails.</summary>
    public static string Clean(string? name)
    {
        var kept = (name ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        return string.Join(' ', new string(kept).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
