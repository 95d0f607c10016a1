using ClinikoIdP.Server.Data;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// ASP.NET Core Identity's WebAuthn implementation, configured twice: Identity applies one user-verification
/// requirement to a whole handler, and a passkey used after a password may skip the PIN or fingerprint ("preferred")
/// while a passkey standing in for the password must not ("required", NIST SP 800-63B-4 §3.1.7: a multi-factor
/// cryptographic authenticator needs its activation factor).
/// </summary>
public sealed class PasskeyHandlers(UserManager<ClinicUser> users, PasskeyRelyingParty relyingParty)
{
    /// <summary>Registration, the second factor and the phishing-resistant step.</summary>
    public IPasskeyHandler<ClinicUser> AfterPassword => Create("preferred");

    /// <summary>Passwordless sign-in.</summary>
    public IPasskeyHandler<ClinicUser> Passwordless => Create("required");

    private PasskeyHandler<ClinicUser> Create(string userVerification) =>
        new(users, Microsoft.Extensions.Options.Options.Create(new IdentityPasskeyOptions
        {
            ServerDomain = relyingParty.ServerDomain,
            UserVerificationRequirement = userVerification,
            // Passkeys are discoverable credentials, so the same passkey can later sign in without a password.
            ResidentKeyRequirement = "required",
            // Clinics use whatever fingerprint reader, phone or key they have: no attestation, no vendor list.
            AttestationConveyancePreference = "none",
            AuthenticatorTimeout = TimeSpan.FromMinutes(3),
            ValidateOrigin = context => ValueTask.FromResult(relyingParty.IsExpectedOrigin(
                context.HttpContext.Request, context.Origin, context.CrossOrigin, context.TopOrigin)),
        }));
}
