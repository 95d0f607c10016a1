using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClinikoIdP.Server.Features.Email;

/// <summary>Sends a batch of messages over one SMTP connection (MailKit). Returns, per message, null or why it failed.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, IOptions<TwoFactor.TwoFactorOptions> twoFactor)
{
    /// <summary>A failure that retrying will not mend (the server refused the recipient or the sender for good).</summary>
    public sealed record Failure(string Error, bool Permanent);

    public async Task<IReadOnlyList<Failure?>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var results = new Failure?[messages.Count];
        using var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, ToSocketOptions(settings.Smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
            }
        }
        catch (Exception exception) when (IsMailFailure(exception))
        {
            Array.Fill(results, new Failure(Describe(exception), Permanent: false));
            return results;
        }

        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await client.SendAsync(ToMime(settings, twoFactor.Value.Issuer, messages[i]), cancellationToken);
            }
            catch (SmtpCommandException exception) when (exception.StatusCode is >= (SmtpStatusCode)500
                && exception.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted)
            {
                results[i] = new Failure(Describe(exception), Permanent: true);
            }
            catch (Exception exception) when (IsMailFailure(exception))
            {
                results[i] = new Failure(Describe(exception), Permanent: false);
                if (!client.IsConnected)
                {
                    for (var rest = i + 1; rest < messages.Count; rest++)
                    {
                        results[rest] = new Failure("the connection to the mail server was lost", Permanent: false);
                    }

                    return results;
                }
            }
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception) when (IsMailFailure(exception))
        {
            // Every message was already accepted; a failed goodbye changes nothing.
        }

        return results;
    }

    private static MimeMessage ToMime(EmailOptions settings, string issuer, EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(string.IsNullOrWhiteSpace(settings.FromName) ? issuer : settings.FromName, settings.From!));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.Auto => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    private static bool IsMailFailure(Exception exception) =>
        exception is IOException or System.Net.Sockets.SocketException or ProtocolException or CommandException
            or AuthenticationException or SslHandshakeException or TimeoutException or ParseException
            or InvalidOperationException or NotSupportedException;

    private static string Describe(Exception exception)
    {
        var message = exception is SmtpCommandException command
            ? $"{(int)command.StatusCode} {command.Message.ReplaceLineEndings(" ")}"
            : exception.Message.ReplaceLineEndings(" ");
        return message.Length <= 500 ? message : message[..500];
    }
}
