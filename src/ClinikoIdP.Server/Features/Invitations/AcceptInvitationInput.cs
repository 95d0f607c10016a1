using System.ComponentModel.DataAnnotations;

namespace ClinikoIdP.Server.Features.Invitations;

/// <summary>The password an invited person chooses, typed twice.</summary>
public sealed class AcceptInvitationInput
{
    public const int MaxInputLength = 1024;

    // Only a bound on what is read: the password rules themselves are the user manager's validators, in their words.
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(MaxInputLength, ErrorMessage = "Passwords can be at most 128 characters long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Choose a password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [StringLength(MaxInputLength, ErrorMessage = "Passwords can be at most 128 characters long.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords don't match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Type it again")]
    public string ConfirmPassword { get; set; } = "";
}
