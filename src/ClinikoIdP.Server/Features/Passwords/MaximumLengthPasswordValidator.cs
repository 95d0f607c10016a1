using ClinikoIdP.Server.Data;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Features.Passwords;

/// <summary>Caps passwords at <see cref="MaxLength"/> characters so hashing cost stays bounded (ASVS 5.0 allows a cap of 64 or more).</summary>
public sealed class MaximumLengthPasswordValidator : IPasswordValidator<ClinicUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<ClinicUser> manager, ClinicUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Passwords can be at most {MaxLength} characters long.",
            })
            : IdentityResult.Success);
}
