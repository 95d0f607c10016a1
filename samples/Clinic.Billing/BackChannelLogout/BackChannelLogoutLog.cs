namespace Clinic.Billing.BackChannelLogout;

internal static partial class BackChannelLogoutLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Back-channel logout accepted; the local session is ended.")]
    public static partial void Accepted(this ILogger logger);

    // The reason only, never the token: it names a user's session.
    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Back-channel logout refused: {Problem}.")]
    public static partial void Refused(this ILogger logger, string problem);
}
