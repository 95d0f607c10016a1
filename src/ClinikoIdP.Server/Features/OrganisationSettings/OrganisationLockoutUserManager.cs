using ClinikoIdP.Server.Data;
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
    OrganisationSecurity security)
    : UserManager<ClinicUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AccessFailedAsync(ClinicUser user)
    {
        Options.Lockout.MaxFailedAccessAttempts = (await security.GetAsync(CancellationToken)).LockoutThreshold;
        return await base.AccessFailedAsync(user);
    }
}
