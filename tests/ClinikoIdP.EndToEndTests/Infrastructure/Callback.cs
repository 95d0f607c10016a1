namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>The clinic app's redirect URI, waiting for the browser to arrive with a code.</summary>
public sealed class Callback(Task<Uri> arrival)
{
    /// <summary>The full URL the browser was sent to, once it arrives (code and state in its query).</summary>
    public Task<Uri> ArrivalAsync() => arrival.WaitAsync(TimeSpan.FromSeconds(20));
}
