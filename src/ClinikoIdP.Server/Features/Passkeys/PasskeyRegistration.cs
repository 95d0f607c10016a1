using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// Adds a passkey to a person's account (WebAuthn registration, attestation "none"). Callers decide who may: a
/// person whose session (or sign-in under way) passed a second factor recently.
/// </summary>
public sealed class PasskeyRegistration(
    PasskeyHandlers handlers,
    PasskeyCeremonies ceremonies,
    PasskeyCredentials credentials,
    SecurityEventWriter events,
    IHttpContextAccessor httpContextAccessor)
{
    /// <summary>The options for <c>navigator.credentials.create()</c>, or null when the person has the most allowed.</summary>
    public async Task<string?> BeginAsync(ClinicUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await credentials.CountAsync(user) >= PasskeyCredentials.MaxPerPerson)
        {
            return null;
        }

        var email = user.Email ?? user.UserName ?? user.Id;
        var entity = new PasskeyUserEntity { Id = user.Id, Name = email, DisplayName = user.DisplayName ?? email };
        var options = await handlers.AfterPassword.MakeCreationOptionsAsync(entity, Http);
        ceremonies.Begin(PasskeyCeremonyPurpose.Register, user.Id, options.AttestationState!);
        return options.CreationOptionsJson;
    }

    /// <summary>Checks the browser's answer and stores the passkey; returns why not, or null when it was added.</summary>
    public async Task<string?> CompleteAsync(ClinicUser user, string credentialJson, string name)
    {
        ArgumentNullException.ThrowIfNull(user);
        var ticket = ceremonies.Take(PasskeyCeremonyPurpose.Register, user.Id);
        if (ticket is null)
        {
            return PasskeyMessages.Expired;
        }

        var result = await handlers.AfterPassword.PerformAttestationAsync(new PasskeyAttestationContext
        {
            HttpContext = Http,
            CredentialJson = credentialJson,
            AttestationState = ticket.State,
        });
        if (!result.Succeeded || result.UserEntity.Id != user.Id)
        {
            await events.WriteAsync(SecurityEventKinds.PasskeyAdded, SecurityEventOutcomes.Failed, user, Describe(result.Failure));
            return result.Failure?.Message.Contains("already registered", StringComparison.OrdinalIgnoreCase) == true
                ? PasskeyMessages.AlreadyAdded
                : PasskeyMessages.NotCreated;
        }

        if (!await credentials.AddAsync(user, result.Passkey, name))
        {
            return PasskeyMessages.TooMany;
        }

        await events.WriteAsync(SecurityEventKinds.PasskeyAdded, SecurityEventOutcomes.Succeeded, user,
            $"{name} ({(result.Passkey.IsBackupEligible ? "synced" : "this device only")})");
        return null;
    }

    private HttpContext Http => httpContextAccessor.HttpContext
        ?? throw new InvalidOperationException("A passkey is added only during a request.");

    /// <summary>Identity's reason, for the audit trail only: it names the failed WebAuthn check, never key material.</summary>
    internal static string Describe(PasskeyException? failure) =>
        failure is null ? "refused" : failure.Message.Length > 200 ? failure.Message[..200] : failure.Message;
}
