namespace ClinikoIdP.Bench.Flows;

/// <summary>A step of a browser or token flow did not answer as a working server does; the figure is not reported.</summary>
public sealed class FlowFailedException(string message) : InvalidOperationException(message);
