using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Operations.Telemetry;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.OrganisationSettings;

/// <summary>
/// Identity's user manager counting failed passwords and second factors against the organisation's lockout threshold.
/// It takes its options per request (<see cref="IOptionsSnapshot{TOptions}"/>: a fresh copy for each scope), so
/// setting the threshold on them changes this request's count only, never the options other requests share.
/// </summary>
public sealed class OrganisationLockoutUserManager(
    IUserStore<ClinicUser> store,
    IOptionsSnapshot<IdentityOptions> optionsAccessor,
    IPasswordHasher<ClinicUser> passwordHasher,
    IEnumerable<IUserValidator<ClinicUser>> userValidators,
    IEnumerable<IPasswordValidator<ClinicUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ClinicUser>> logger,
    OrganisationSecurity security,
    IdpMetrics metrics)
    : UserManager<ClinicUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AccessFailedAsync(ClinicUser user)
    {
        Options.Lockout.MaxFailedAccessAttempts = (await security.GetAsync(CancellationToken)).LockoutThreshold;
        var result = await base.AccessFailedAsync(user);

        // Identity starts the count again when it locks an account, so a zero count with a lockout means this failure locked it.
        if (result.Succeeded && user.AccessFailedCount == 0 && await IsLockedOutAsync(user))
        {
            metrics.LockoutStarted();
        }

        return result;
    }
}
