using System.Collections.Frozen;
using ClinikoIdP.Server.Data;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Features.Passwords;

/// <summary>
/// Refuses passwords found on a list of commonly used passwords and passwords that merely repeat the account's
/// email (NIST SP 800-63B-4 §3.1.1.2: compare against a blocklist and context-specific words).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ClinicUser>
{
    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadList);

    public Task<IdentityResult> ValidateAsync(UserManager<ClinicUser> manager, ClinicUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lowered = password.Trim().ToLowerInvariant();
        var email = user.Email?.ToLowerInvariant();
        var localPart = email?.Split('@')[0];
        if (IsCommon(lowered) || lowered == email || lowered == localPart)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "This password is too common or too easy to guess. Choose another one, for example a few unrelated words.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.ToLowerInvariant());

    private static FrozenSet<string> LoadList()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly
            .GetManifestResourceStream("ClinikoIdP.Server.Features.Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
