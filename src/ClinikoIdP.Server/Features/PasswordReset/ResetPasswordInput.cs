using System.ComponentModel.DataAnnotations;

namespace ClinikoIdP.Server.Features.PasswordReset;

public sealed class ResetPasswordInput
{
    /// <summary>Only bounds the work of hashing: the password rules themselves are Identity's validators, with their own messages.</summary>
    public const int MaxInputLength = 1024;

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(MaxInputLength, ErrorMessage = "That password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Type the new password again.")]
    [StringLength(MaxInputLength, ErrorMessage = "That password is too long.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords don't match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Type the new password again")]
    public string ConfirmPassword { get; set; } = "";
}
