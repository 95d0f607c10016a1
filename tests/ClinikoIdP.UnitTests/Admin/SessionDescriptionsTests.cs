using ClinikoIdP.Server.Features.Admin.Staff;

namespace ClinikoIdP.UnitTests.Admin;

public class SessionDescriptionsTests
{
    [Theory]
    [InlineData("pwd hwk mfa", "Password + passkey")]
    [InlineData("pwd swk mfa", "Password + passkey")]
    [InlineData("hwk mfa", "Passkey")]
    [InlineData("pwd otp mfa", "Password + authenticator app")]
    [InlineData("pwd mfa rc", "Password + backup code")]
    [InlineData("pwd rem", "Password on a remembered computer")]
    [InlineData("pwd", "Password only")]
    [InlineData(null, "Unknown")]
    public void NamesHowASessionSignedIn(string? methods, string expected)
    {
        Assert.Equal(expected, SessionDescriptions.Methods(methods));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("curl/8.5.0", "Other browser")]
    [InlineData("", "Unknown browser")]
    public void NamesTheBrowserWithTheSecurityEmailsWords(string userAgent, string expected)
    {
        Assert.Equal(expected, SessionDescriptions.Browser(userAgent));
    }
}
