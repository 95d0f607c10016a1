using System.Net;
using AngleSharp.Html.Dom;
using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace ClinikoIdP.IntegrationTests.RateLimits;

/// <summary>A browser seen from its own address (through the trusted proxy's X-Forwarded-For), with its own cookies.</summary>
public sealed class AddressedClient : IDisposable
{
    private readonly HttpClient http;

    public AddressedClient(IdpFactory factory, string address, CookieContainer? cookies = null)
    {
        http = factory.CreateDefaultClient(IdpFactory.BaseAddress, new CookieContainerHandler(cookies ?? new CookieContainer()));
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
    }

    public HttpClient Http => http;

    /// <summary>Opens the sign-in page and submits it; returns the raw answer (the page again, a redirect, or 429).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password = "not-the-password")
    {
        var form = await ReadFormAsync(SignInPage.Path, "Input.Password");
        return await PostAsync(form.Set("Input.Email", email).Set("Input.Password", password));
    }

    public async Task<HtmlForm> ReadFormAsync(string path, string fieldName)
    {
        var page = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await Browser.ParseAsync(page);
        var form = document.Forms.OfType<IHtmlFormElement>().Single(f => f.QuerySelector($"input[name='{fieldName}']") is not null);
        return HtmlForm.Read(form, page.RequestMessage!.RequestUri!);
    }

    public Task<HttpResponseMessage> PostAsync(HtmlForm form) => http.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));

    public void Dispose() => http.Dispose();
}
