namespace ClinikoIdP.Server.Features.OrganisationSettings;

/// <summary>
/// The <c>Passkeys</c> configuration keys that give an organisation setting its default. Read the setting in force
/// from <see cref="OrganisationSecurity"/>, never from here.
/// </summary>
public sealed class PasskeyDefaultsOptions
{
    public const string Section = "Passkeys";

    /// <summary>The default of "Sign in with a passkey alone": off, so a passkey is a second factor until a clinic chooses otherwise.</summary>
    public bool AllowPasswordless { get; set; }
}
