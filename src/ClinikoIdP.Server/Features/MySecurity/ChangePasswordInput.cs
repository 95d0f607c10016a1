using System.ComponentModel.DataAnnotations;
using ClinikoIdP.Server.Features.Passwords;

namespace ClinikoIdP.Server.Features.MySecurity;

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(1024)]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(MaximumLengthPasswordValidator.MaxLength, MinimumLength = MaximumLengthPasswordValidator.MinLength,
        ErrorMessage = "Use 12 to 128 characters. A few unrelated words make a strong, memorable password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords don't match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Type the new password again")]
    public string ConfirmPassword { get; set; } = "";
}
