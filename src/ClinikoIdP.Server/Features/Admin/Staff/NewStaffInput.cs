using System.ComponentModel.DataAnnotations;
using ClinikoIdP.Server.Features.Passwords;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>A new staff member: the profile fields every account has, and the initial password.</summary>
public sealed class NewStaffInput : StaffProfileInput
{
    [Required(ErrorMessage = "Choose an initial password.")]
    [StringLength(MaximumLengthPasswordValidator.MaxLength, MinimumLength = MaximumLengthPasswordValidator.MinLength,
        ErrorMessage = "Use 12 to 128 characters. A few unrelated words make a strong, memorable password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Initial password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords don't match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Type the password again")]
    public string ConfirmPassword { get; set; } = "";

    [Display(Name = "Make this person an administrator")]
    public bool Administrator { get; set; }
}
