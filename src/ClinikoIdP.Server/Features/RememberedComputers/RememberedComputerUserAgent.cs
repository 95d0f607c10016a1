using ClinikoIdP.Server.Features.AccountNotifications;

namespace ClinikoIdP.Server.Features.RememberedComputers;

/// <summary>
/// The browser and operating system a person sees in their list of remembered computers, read from the User-Agent
/// header with the same coarse names the security emails use ("Chrome", "Windows"). Only those names are stored, never
/// the header's own text: a user agent is whatever the other end chose to send.
/// </summary>
public static class RememberedComputerUserAgent
{
    public const string Unknown = "Unknown";

    public static (string Browser, string OperatingSystem) Parse(string? userAgent) =>
        (UserAgentDescription.BrowserOf(userAgent) ?? Unknown, UserAgentDescription.SystemOf(userAgent) ?? Unknown);
}
