using ClinikoIdP.Server.Features.Email;

namespace ClinikoIdP.Server.Features.Admin.Settings;

/// <summary>The message an administrator sends to their own address from the console to prove delivery works end to end.</summary>
public static class EmailTestMessage
{
    public static EmailContent Compose(string when, string mailServer) =>
        new("Test message", "Email from your sign-in service works",
            ["You asked for this test message on the Email page of the admin console. Because it reached you, staff will "
                + "receive their invitations, password-reset links and security notifications the same way."])
        {
            Facts = [new("Asked for", when), new("Sent through", mailServer)],
            Closing = "If you didn't ask for this message, someone may have signed in to the admin console as you: change your "
                + "password and tell another administrator.",
        };
}
