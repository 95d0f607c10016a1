using ClinikoIdP.Server.Data;

namespace ClinikoIdP.Server.Features.Invitations;

/// <summary>Who sends an invitation: an administrator in the console, or the command line (no id, no name).</summary>
/// <param name="Id">The administrator's user id, recorded as the actor of the audit event and the link's creator.</param>
/// <param name="Name">How the email names them; null on the command line.</param>
public sealed record Inviter(string? Id, string? Name)
{
    public static Inviter CommandLine { get; } = new(null, null);

    /// <summary>An administrator, named as colleagues know them.</summary>
    public static Inviter For(ClinicUser administrator) => new(administrator.Id, administrator.DisplayName ?? administrator.Email);
}
