using System.ComponentModel.DataAnnotations;

namespace ClinikoIdP.Server.Features.TwoFactor;

/// <summary>One field for a 6-digit authenticator code or a backup code.</summary>
public sealed class CodeInput
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app, or a backup code.")]
    [StringLength(64, ErrorMessage = "That code is too long.")]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";
}
