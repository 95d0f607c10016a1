using System.ComponentModel.DataAnnotations;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Users;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>The name and email of a staff member, as the console edits them.</summary>
public class StaffProfileInput
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
}
