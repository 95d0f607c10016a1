using System.ComponentModel.DataAnnotations;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>Someone to invite by email: the profile fields every account has, and whether they administer.</summary>
public sealed class InviteStaffInput : StaffProfileInput
{
    [Display(Name = "Make this person an administrator")]
    public bool Administrator { get; set; }
}
