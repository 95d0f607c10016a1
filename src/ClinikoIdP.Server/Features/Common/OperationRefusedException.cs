namespace ClinikoIdP.Server.Features.Common;

/// <summary>
/// An administrative operation refused for a reason the operator can act on (bad input, unknown name):
/// the command line prints it as one line on stderr, the admin console as a form error.
/// </summary>
public sealed class OperationRefusedException(string message) : Exception(message);
