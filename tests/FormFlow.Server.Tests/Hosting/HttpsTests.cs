using System.Net;
using System.Text;
using FormFlow.Persistence.Database;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FormFlow.Server.Tests.Hosting;

/// <summary>
/// Served over TLS, directly or behind a reverse proxy that terminates it: the session cookie is Secure and responses
/// carry Strict-Transport-Security. A proxy is believed only from the addresses the settings name, so anyone else
/// claiming X-Forwarded-Proto changes nothing.
/// </summary>
public sealed class HttpsTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.7";
    private TestDatabase _database = null!;
    private ServerFixture _server = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _server = await ServerFixture.StartOnAsync(_database, new Dictionary<string, string?> { ["ReverseProxy:KnownProxies"] = Proxy });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A sign-in as it reaches the server: scheme, connection address and headers as given.</summary>
    private Task<HttpContext> SignInAsync(string scheme, string from, string? forwardedProto = null) => _server.Server.SendAsync(c =>
    {
        c.Request.Method = "POST";
        c.Request.Scheme = scheme;
        c.Request.Host = new HostString("union.example.cn");
        c.Request.Path = "/api/auth/login";
        c.Request.ContentType = "application/json";
        var body = Encoding.UTF8.GetBytes($"{{\"userName\":\"worker\",\"password\":\"{Api.DemoPassword}\"}}");
        c.Request.Body = new MemoryStream(body);
        c.Request.ContentLength = body.Length;
        c.Features.Set<IHttpRequestBodyDetectionFeature>(new WithBody()); // the test server's own says there is none
        c.Connection.RemoteIpAddress = IPAddress.Parse(from);
        if (forwardedProto is not null)
        {
            c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            c.Request.Headers["X-Forwarded-For"] = "198.51.100.23";
        }
    });

    private sealed class WithBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    private static (bool SecureCookie, bool Hsts) Observed(HttpContext answer)
    {
        Assert.True(answer.Response.StatusCode == StatusCodes.Status200OK, new StreamReader(answer.Response.Body).ReadToEnd());
        var cookie = Assert.Single(answer.Response.Headers.SetCookie, c => c!.StartsWith("formflow.auth="))!;
        return (cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase), answer.Response.Headers.StrictTransportSecurity.Count > 0);
    }

    [Fact]
    public async Task Over_tls_the_cookie_is_secure_and_hsts_is_sent() =>
        Assert.Equal((true, true), Observed(await SignInAsync("https", "198.51.100.23")));

    [Fact]
    public async Task Behind_a_known_proxy_that_terminated_tls_the_cookie_is_secure_and_hsts_is_sent() =>
        Assert.Equal((true, true), Observed(await SignInAsync("http", Proxy, forwardedProto: "https")));

    [Fact]
    public async Task Plain_http_and_forwarded_headers_from_anyone_else_get_neither() =>
        Assert.All([await SignInAsync("http", "198.51.100.23"), await SignInAsync("http", "203.0.113.9", forwardedProto: "https")],
            answer => Assert.Equal((false, false), Observed(answer)));

    [Fact]
    public async Task Behind_a_known_proxy_the_rate_limit_counts_the_client_not_the_proxy()
    {
        var answer = await SignInAsync("http", Proxy, forwardedProto: "https");
        Assert.Equal("198.51.100.23", answer.Connection.RemoteIpAddress?.ToString());
    }
}
