namespace ClinikoIdP.Server.Features.Operations.Telemetry;

/// <summary>Values of the <c>outcome</c> label of <c>clinikoidp.backchannel_logout.deliveries</c>.</summary>
public static class BackChannelLogoutOutcomes
{
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Abandoned = "abandoned";

    public static string For(bool delivered, bool abandoned) => delivered ? Delivered : abandoned ? Abandoned : Failed;
}
