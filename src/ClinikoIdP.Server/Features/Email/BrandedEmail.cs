using System.Net;
using System.Text;

namespace ClinikoIdP.Server.Features.Email;

/// <summary>
/// The one layout every message shares: plain text and HTML carrying the same words, the brand (the issuer name)
/// at the top and bottom. Every value is HTML-encoded; the HTML uses inline styles only, as mail clients require.
/// </summary>
public static class BrandedEmail
{
    public static EmailMessage Render(string brand, string to, EmailContent content)
    {
        return new EmailMessage(to, $"{brand}: {content.Subject}", RenderText(brand, content), RenderHtml(brand, content));
    }

    private static string RenderText(string brand, EmailContent content)
    {
        var text = new StringBuilder();
        text.Append(brand).Append("\n\n").Append(content.Heading).Append("\n\n");
        foreach (var paragraph in content.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        if (content.Action is { } action)
        {
            text.Append(action.Label).Append(":\n").Append(action.Url).Append("\n\n");
        }

        foreach (var (label, value) in content.Facts)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        if (content.Facts.Count > 0)
        {
            text.Append('\n');
        }

        if (content.Closing is not null)
        {
            text.Append(content.Closing).Append("\n\n");
        }

        text.Append("-- \n").Append(brand).Append(" sign-in service. This message was sent automatically; replies are not read.\n");
        return text.ToString();
    }

    private static string RenderHtml(string brand, EmailContent content)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(E(content.Subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:24px;background:#f4f6f8;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1f2933;\">")
            .Append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px;\">")
            .Append("<p style=\"margin:0 0 24px;font-weight:600;color:#0b6e6e;\">").Append(E(brand)).Append("</p>")
            .Append("<h1 style=\"margin:0 0 16px;font-size:22px;\">").Append(E(content.Heading)).Append("</h1>");
        foreach (var paragraph in content.Paragraphs)
        {
            html.Append("<p style=\"margin:0 0 16px;line-height:1.5;\">").Append(E(paragraph)).Append("</p>");
        }

        if (content.Action is { } action)
        {
            html.Append("<p style=\"margin:24px 0;\"><a href=\"").Append(E(action.Url))
                .Append("\" style=\"display:inline-block;padding:12px 20px;background:#0b6e6e;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;\">")
                .Append(E(action.Label)).Append("</a></p>")
                .Append("<p style=\"margin:0 0 16px;font-size:13px;color:#52606d;\">If the button does not work, copy this address into your browser:<br>")
                .Append("<span style=\"word-break:break-all;\">").Append(E(action.Url)).Append("</span></p>");
        }

        if (content.Facts.Count > 0)
        {
            html.Append("<table role=\"presentation\" style=\"margin:0 0 16px;border-collapse:collapse;\">");
            foreach (var (label, value) in content.Facts)
            {
                html.Append("<tr><th scope=\"row\" style=\"text-align:left;padding:2px 16px 2px 0;color:#52606d;font-weight:600;\">")
                    .Append(E(label)).Append("</th><td style=\"padding:2px 0;\">").Append(E(value)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        if (content.Closing is not null)
        {
            html.Append("<p style=\"margin:0 0 16px;line-height:1.5;\">").Append(E(content.Closing)).Append("</p>");
        }

        html.Append("<p style=\"margin:32px 0 0;font-size:12px;color:#7b8794;\">").Append(E(brand))
            .Append(" sign-in service. This message was sent automatically; replies are not read.</p></div></body></html>");
        return html.ToString();
    }
}
