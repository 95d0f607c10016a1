using System.Threading.Channels;

namespace ClinikoIdP.Server.Features.Email;

/// <summary>Wakes this node's delivery worker when a message is queued, so mail goes out at once instead of at the next poll.</summary>
public sealed class EmailDeliverySignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await channel.Reader.WaitToReadAsync(cancellationToken);
        channel.Reader.TryRead(out _);
    }
}
