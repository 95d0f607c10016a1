namespace ClinikoIdP.Server.Features.Invitations;

/// <summary>The address an invitation email links to, shared with the tests.</summary>
public static class InvitationRoutes
{
    public const string Accept = "/invitation";
}
