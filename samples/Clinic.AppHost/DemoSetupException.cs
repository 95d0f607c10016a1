namespace Clinic.AppHost;

/// <summary>A registration step of the demo failed; the message says which and why.</summary>
internal sealed class DemoSetupException(string message) : Exception(message);
