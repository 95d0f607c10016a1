namespace ClinikoIdP.Server.Features.Invitations;

/// <summary>Where the latest invitation email is: waiting, delivered, or given up after repeated failures.</summary>
public enum InvitationDelivery
{
    Unknown,
    Queued,
    Sent,
    Abandoned,
}
