using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Users;

namespace ClinikoIdP.Server.Features.Invitations;

/// <summary>The same limits on an invited person's email and name as on any account the console or command line creates.</summary>
public static class InviteeDetails
{
    /// <summary>The trimmed address, or a refusal saying why it can't be used.</summary>
    public static string ValidEmail(string email)
    {
        email = email.Trim();
        if (email.Length is 0 or > UserAdministration.MaxEmailLength
            || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            throw new OperationRefusedException($"'{email}' is not a valid email address.");
        }

        return email;
    }

    public static void CheckDisplayName(string? displayName)
    {
        if (displayName is { Length: > ClinicUser.MaxDisplayNameLength })
        {
            throw new OperationRefusedException($"The name must be at most {ClinicUser.MaxDisplayNameLength} characters.");
        }
    }
}
