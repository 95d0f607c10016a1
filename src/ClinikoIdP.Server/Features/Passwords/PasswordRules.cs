using ClinikoIdP.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinikoIdP.Server.Features.Passwords;

/// <summary>Checks a chosen password against the configured rules before anything is used up or saved.</summary>
public static class PasswordRules
{
    /// <summary>Adds each broken rule, in its own words (length, a common password…), as an error of <paramref name="field"/>.</summary>
    public static async Task AddBrokenRulesAsync(
        this UserManager<ClinicUser> users, ClinicUser user, string password, ModelStateDictionary modelState, string field)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var validator in users.PasswordValidators)
        {
            foreach (var error in (await validator.ValidateAsync(users, user, password)).Errors)
            {
                modelState.AddModelError(field, error.Description);
            }
        }
    }
}
