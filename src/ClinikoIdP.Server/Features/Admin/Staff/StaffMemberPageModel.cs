using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>A console page about one staff member, named by the <c>{id}</c> in its address (unknown ids answer 404).</summary>
public abstract class StaffMemberPageModel(UserAdministration administration, UserManager<ClinicUser> users) : PageModel
{
    private const int MaxIdLength = 450;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public ClinicUser Member { get; private set; } = null!;

    public string MemberName => Member.DisplayName ?? Member.Email ?? Member.Id;

    public bool IsAdministrator { get; private set; }

    public bool IsLocked { get; private set; }

    /// <summary>The administrator is looking at their own account.</summary>
    public bool IsSelf { get; private set; }

    protected UserAdministration Administration => administration;

    /// <summary>The signed-in administrator's id (the console's filter guarantees one).</summary>
    protected string ActorId => users.GetUserId(User) ?? throw new InvalidOperationException("No administrator is signed in.");

    /// <summary>The signed-in administrator's account (the console's filter guarantees one).</summary>
    protected async Task<ClinicUser> ActorAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("No administrator is signed in.");

    /// <summary>Loads the staff member; false when there is none with this id.</summary>
    protected async Task<bool> LoadAsync()
    {
        if (Id.Length is 0 or > MaxIdLength || await administration.FindByIdAsync(Id) is not { } member)
        {
            return false;
        }

        Member = member;
        IsAdministrator = await administration.IsAdministratorAsync(member);
        IsLocked = await users.IsLockedOutAsync(member);
        IsSelf = member.Id == users.GetUserId(User);
        return true;
    }
}
