namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>The second step of a sign-in: one field for the authenticator code or a backup code.</summary>
public sealed class SecondFactorPage
{
    public const string Path = "/two-factor";

    private readonly Browser browser;

    private SecondFactorPage(Browser browser, PageDocument page)
    {
        this.browser = browser;
        Page = page;
        Form = page.FormWith("input[name='Input.Code']");
    }

    public PageDocument Page { get; }

    public HtmlForm Form { get; }

    public string? ReturnUrl => Form["ReturnUrl"];

    public string CodeError => Page.FieldError("Input.Code");

    public static async Task<SecondFactorPage> ReadAsync(Browser browser, HttpResponseMessage response) =>
        new(browser, await PageDocument.ReadAsync(response, Path));

    /// <summary>Submits a code; returns the raw response (303 onwards on success, the page again on failure).</summary>
    public Task<HttpResponseMessage> SubmitAsync(string code) => Form.Set("Input.Code", code).SubmitAsync(browser);

    public async Task<SecondFactorPage> SubmitExpectingFailureAsync(string code) => await ReadAsync(browser, await SubmitAsync(code));
}
