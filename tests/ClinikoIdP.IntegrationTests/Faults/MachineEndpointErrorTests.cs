using System.Net;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Connect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ClinikoIdP.IntegrationTests.Faults;

/// <summary>
/// A program calling the token, introspection or another machine endpoint gets an OAuth error it can read when the
/// server fails or cannot read the request, never the HTML error page and never the failure's details.
/// </summary>
public sealed class MachineEndpointErrorTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private const string InternalDetail = "internal detail 4f1c that must stay in the log";

    [Fact]
    public async Task AnUnexpectedFailureOnAMachineEndpointIsAServerErrorInJsonWithoutItsDetails()
    {
        await using var failing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddOpenIddict().AddServer(server => server.AddEventHandler(FailingIntrospection.Descriptor))));
        using var backChannel = failing.CreateDefaultClient(IdpFactory.BaseAddress);

        using var answer = await backChannel.PostAsync("/" + ConnectRoutes.Introspection,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "anything" }));

        var body = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        Assert.True(answer.Headers.CacheControl?.NoStore);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("server_error", json.RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("4f1c", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenRequestTheFrameworkCannotReadIsAnInvalidRequestInJson()
    {
        using var backChannel = factory.NewBackChannel();
        using var content = new StringContent("grant_type=client_credentials&client_id=a%00b&scope=%00");
        content.Headers.ContentType = new("application/x-www-form-urlencoded");

        using var answer = await backChannel.PostAsync("/" + ConnectRoutes.Token, content);

        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{(int)answer.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal("invalid_request", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task APageForPeopleStillShowsTheErrorPage()
    {
        using var browser = factory.NewBrowser();
        using var content = new StringContent("Input.Email=a%00b");
        content.Headers.ContentType = new("application/x-www-form-urlencoded");

        using var answer = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, Server.Features.SignIn.SignInRoutes.SignIn) { Content = content });

        Assert.NotEqual("application/json", answer.Content.Headers.ContentType?.MediaType);
        Assert.True((int)answer.StatusCode < 500, $"{(int)answer.StatusCode}");
    }

    private sealed class FailingIntrospection : IOpenIddictServerHandler<ProcessRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
                .UseSingletonHandler<FailingIntrospection>()
                .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ProcessRequestContext context) =>
            context.EndpointType == OpenIddictServerEndpointType.Introspection
                ? throw new InvalidOperationException(InternalDetail)
                : default;
    }
}
