using System.Globalization;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.TestSupport;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>
/// The server with email configured (a sign-in name and password included) towards a mail server that is not
/// there: every delivery fails, and after two attempts a message is given up.
/// </summary>
public sealed class UnreachableMailIdpFactory() : IdpFactory(TwoFactorEnforcement.Always, new Dictionary<string, string?>
{
    ["Email:Smtp:Host"] = "127.0.0.1",
    ["Email:Smtp:Port"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
    ["Email:Smtp:Security"] = nameof(SmtpSecurity.None),
    ["Email:Smtp:UserName"] = MailUserName,
    ["Email:Smtp:Password"] = MailPassword,
    ["Email:Smtp:Timeout"] = "00:00:05",
    ["Email:From"] = EmailIdpFactory.FromAddress,
    ["Email:MaxDeliveryAttempts"] = "2",
    ["Email:TimeZone"] = "Australia/Sydney",
})
{
    public const string MailUserName = "idp-sender@clinic.example";
    public const string MailPassword = "mail-password-that-must-never-show";
}
