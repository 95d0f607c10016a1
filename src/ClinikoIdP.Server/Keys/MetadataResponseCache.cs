using System.Collections.Concurrent;
using ClinikoIdP.Server.Features.Connect;
using Microsoft.Extensions.Primitives;

namespace ClinikoIdP.Server.Keys;

/// <summary>
/// Answers repeated GETs of the discovery document and the JWKS from memory. Building them runs OpenIddict's whole
/// request pipeline and exports every public key (about 1 ms of CPU for the JWKS), for a document that changes only when
/// the keys or the configuration do. An answer is reused while the node serves the key set it was built with
/// (<see cref="LoadedKeys.Fingerprint"/>, which a rotation here or on another node changes) and for at most
/// <see cref="Lifetime"/>; errors, answers with cookies and requests with a query string are never reused.
/// </summary>
public sealed class MetadataResponseCache(RequestDelegate next, LoadedKeys loadedKeys, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>The issuer may follow the request's host, so answers are kept per host; a hostile Host header cannot grow this past a few.</summary>
    private const int MaximumEntries = 8;

    private static readonly PathString[] CachedPaths = ["/" + ConnectRoutes.Discovery, "/" + ConnectRoutes.Jwks];

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || request.QueryString.HasValue || CachedPath(request.Path) is not { } path)
        {
            await next(context);
            return;
        }

        var key = string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, path.Value);
        var fingerprint = loadedKeys.Fingerprint;
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var cached) && cached.IsFreshFor(fingerprint, now))
        {
            await cached.WriteToAsync(context.Response, context.RequestAborted);
            return;
        }

        await CaptureAsync(context, key, fingerprint, now);
    }

    private async Task CaptureAsync(HttpContext context, string key, string? fingerprint, DateTimeOffset now)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        var body = buffer.ToArray();
        if (fingerprint is not null
            && response.StatusCode == StatusCodes.Status200OK
            && response.Headers.CacheControl.ToString().StartsWith("public", StringComparison.Ordinal)
            && !response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.SetCookie)
            && (entries.Count < MaximumEntries || entries.ContainsKey(key)))
        {
            entries[key] = new Entry(
                fingerprint, now + Lifetime, body, response.ContentType, response.Headers.CacheControl);
        }

        if (body.Length > 0)
        {
            await original.WriteAsync(body, context.RequestAborted);
        }
    }

    private static PathString? CachedPath(PathString path)
    {
        foreach (var candidate in CachedPaths)
        {
            if (path.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    private sealed record Entry(string Fingerprint, DateTimeOffset Expires, byte[] Body, string? ContentType, StringValues CacheControl)
    {
        public bool IsFreshFor(string? fingerprint, DateTimeOffset now) =>
            now < Expires && string.Equals(fingerprint, Fingerprint, StringComparison.Ordinal);

        public Task WriteToAsync(HttpResponse response, CancellationToken cancellationToken)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType;
            response.ContentLength = Body.Length;
            response.Headers.CacheControl = CacheControl;
            return response.Body.WriteAsync(Body, cancellationToken).AsTask();
        }
    }
}
