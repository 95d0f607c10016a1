using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin;

/// <summary>The console's front page: the figures an administrator checks first, each linking to the list behind it.</summary>
public sealed class DashboardModel(
    IdpDbContext db, UserManager<ClinicUser> users, IOpenIddictApplicationManager applications, TimeProvider time) : PageModel
{
    public int StaffTotal { get; private set; }

    public int StaffWithoutTwoFactor { get; private set; }

    public int LockedAccounts { get; private set; }

    public int Administrators { get; private set; }

    public int SignInsLastDay { get; private set; }

    public int FailedSecondFactorsLastDay { get; private set; }

    public long Clients { get; private set; }

    /// <summary>Whether the audit trail still verifies, so tampering is seen on the first page an administrator opens.</summary>
    public AuditChainReport AuditChain { get; private set; } = new(0, "", 0, null);

    /// <summary>The start of the last 24 hours, as the audit trail's date filter reads it.</summary>
    public string DayAgo { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var dayAgo = now.AddDays(-1);
        DayAgo = dayAgo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        StaffTotal = await db.Users.CountAsync(cancellationToken);
        StaffWithoutTwoFactor = await db.Users.CountAsync(u => u.AuthenticatorSecret == null, cancellationToken);
        LockedAccounts = await db.Users.CountAsync(u => u.LockoutEnd != null && u.LockoutEnd > now, cancellationToken);
        Administrators = (await users.GetUsersInRoleAsync(IdentityHosting.AdminRole)).Count;
        SignInsLastDay = await db.SecurityEvents.CountAsync(e => e.OccurredAt >= dayAgo
            && e.Kind == SecurityEventKinds.SignIn && e.Outcome == SecurityEventOutcomes.Succeeded, cancellationToken);
        FailedSecondFactorsLastDay = await db.SecurityEvents.CountAsync(e => e.OccurredAt >= dayAgo
            && e.Kind == SecurityEventKinds.SecondFactor && e.Outcome != SecurityEventOutcomes.Succeeded, cancellationToken);
        Clients = await applications.CountAsync(cancellationToken);
        AuditChain = await AuditChainVerifier.VerifyAsync(db, cancellationToken: cancellationToken);
    }
}
