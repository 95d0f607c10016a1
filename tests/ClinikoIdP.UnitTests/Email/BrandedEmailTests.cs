using ClinikoIdP.Server.Features.Email;

namespace ClinikoIdP.UnitTests.Email;

public sealed class BrandedEmailTests
{
    private static readonly EmailContent Content = new("Your password was changed", "Your password was changed",
        ["Someone (hopefully you) changed the password of <jane@clinic.example>.", "Second paragraph."])
    {
        Action = new EmailAction("Review your security", "https://id.clinic.example/account/security?a=1&b=2"),
        Facts = [new("When", "Tuesday 3 March 2026, 14:05 (UTC)"), new("From", "203.0.113.9, Chrome on Windows")],
        Closing = "If this was not you, ask your administrator to lock your account.",
    };

    [Fact]
    public void SubjectCarriesTheBrand()
    {
        var message = BrandedEmail.Render("Riverside Clinic", "jane@clinic.example", Content);

        Assert.Equal("Riverside Clinic: Your password was changed", message.Subject);
        Assert.Equal("jane@clinic.example", message.To);
    }

    [Fact]
    public void TextAndHtmlCarryTheSameWords()
    {
        var message = BrandedEmail.Render("Riverside Clinic", "jane@clinic.example", Content);

        foreach (var words in new[] { "Second paragraph.", "Review your security", "When", "Chrome on Windows", "ask your administrator" })
        {
            Assert.Contains(words, message.Text, StringComparison.Ordinal);
            Assert.Contains(words, message.Html, StringComparison.Ordinal);
        }

        Assert.StartsWith("Riverside Clinic", message.Text, StringComparison.Ordinal);
        Assert.Contains("<p style=\"margin:0 0 24px;font-weight:600;color:#0b6e6e;\">Riverside Clinic</p>", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryValueIsEncodedInHtmlAndLeftAsIsInText()
    {
        var message = BrandedEmail.Render("R&D <Clinic>", "jane@clinic.example", Content);

        Assert.Contains("&lt;jane@clinic.example&gt;", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<jane@clinic.example>", message.Html, StringComparison.Ordinal);
        Assert.Contains("R&amp;D &lt;Clinic&gt;", message.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://id.clinic.example/account/security?a=1&amp;b=2\"", message.Html, StringComparison.Ordinal);
        Assert.Contains("<jane@clinic.example>", message.Text, StringComparison.Ordinal);
        Assert.Contains("https://id.clinic.example/account/security?a=1&b=2", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageWithoutActionFactsOrClosingHasNoEmptySections()
    {
        var message = BrandedEmail.Render("Clinic", "a@b.example", new EmailContent("Hi", "Hi", ["Only words."]));

        Assert.DoesNotContain("<table", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", message.Text, StringComparison.Ordinal);
    }
}
