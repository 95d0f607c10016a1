using System.ComponentModel.DataAnnotations;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Passwords;
using ClinikoIdP.Server.Features.Users;

namespace ClinikoIdP.Server.Features.Admin.Staff;

public sealed class NewStaffInput
{
    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(ClinicUser.MaxDisplayNameLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter the person's email address.")]
    [StringLength(UserAdministration.MaxEmailLength, ErrorMessage = "Use at most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@clinic.example.")]
    [Display(Name = "Email (their sign-in name)")]
    public string Email { get; set; } = "";

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
