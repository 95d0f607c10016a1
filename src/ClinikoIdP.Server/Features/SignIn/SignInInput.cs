using System.ComponentModel.DataAnnotations;

namespace ClinikoIdP.Server.Features.SignIn;

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(256, ErrorMessage = "That email address is too long.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    // Long enough for any accepted password (128) with room for pasted whitespace, short enough to bound hashing.
    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(1024, ErrorMessage = "That password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";
}
