using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// A real SMS/WeChat gateway stand-in: a Kestrel server on a free local port that records every request (body and
/// signature headers) and answers 200, or 500 to the next requests <see cref="Fail"/> names.
/// </summary>
public sealed class GatewayReceiver : IAsyncDisposable
{
    public const string Secret = "test-gateway-secret";

    public sealed record Received(string Path, string Body, string? Timestamp, string? Signature);

    private readonly WebApplication _app;
    private int _failNext;
    private string? _failTemplate;

    public ConcurrentQueue<Received> Requests { get; } = new();
    public Uri Url { get; }

    /// <summary>The next <paramref name="times"/> requests (of messages of the template, when given) get a 500.</summary>
    public void Fail(int times, string? template = null) => (_failTemplate, _failNext) = (template, times);

    private bool Failing(string body) =>
        (_failTemplate is null || body.Contains($"\"template\":\"{_failTemplate}\"", StringComparison.Ordinal)) && Interlocked.Decrement(ref _failNext) >= 0;

    private GatewayReceiver(WebApplication app, Uri url) => (_app, Url) = (app, url);

    public static async Task<GatewayReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        GatewayReceiver? receiver = null;
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            receiver!.Requests.Enqueue(new Received(http.Request.Path, body, http.Request.Headers["X-FormFlow-Timestamp"], http.Request.Headers["X-FormFlow-Signature"]));
            return receiver.Failing(body) ? Results.Text("gateway down", statusCode: 500) : Results.Ok(new { accepted = true });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new GatewayReceiver(app, new Uri(address + "/"));
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
