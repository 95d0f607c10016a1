using System.ComponentModel.DataAnnotations;

namespace ClinikoIdP.Server.Features.PasswordReset;

public sealed class ForgotPasswordInput
{
    public const int MaxEmailLength = 256;

    [Required(ErrorMessage = "Enter the email address you sign in with.")]
    [StringLength(MaxEmailLength, ErrorMessage = "That email address is too long.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";
}
