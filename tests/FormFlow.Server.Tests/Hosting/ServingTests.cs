using System.Net;
using System.Text.Json.Nodes;
using FormFlow.Server.Hosting;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Hosting;

/// <summary>Health, the OpenAPI document, the API reference page and the security headers on every response.</summary>
public sealed class ServingTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Health_reports_the_database()
    {
        var health = await Api.JsonAsync(await server.CreateClient().GetAsync("/health"));
        Assert.Equal("Healthy", health["status"]!.GetValue<string>());
        Assert.Equal("Healthy", health["checks"]!["database"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint()
    {
        var document = await Api.JsonAsync(await server.CreateClient().GetAsync("/openapi/v1.json"));
        var paths = document["paths"]!.AsObject();
        foreach (var (path, method) in new[]
                 {
                     ("/api/auth/login", "post"), ("/api/auth/token", "post"), ("/api/auth/logout", "post"),
                     ("/api/me", "get"), ("/api/orgs", "get"), ("/api/orgs/{id}", "get"),
                 })
        {
            Assert.True(paths[path]?[method] is not null, $"{method} {path} missing from the OpenAPI document");
        }
        Assert.NotNull(document["components"]!["schemas"]!["LoginRequest"]);
        Assert.Equal("http", document["components"]!["securitySchemes"]!["bearer"]!["type"]!.GetValue<string>());
        Assert.NotNull(paths["/api/me"]!["get"]!["security"]);
        Assert.Null(paths["/api/auth/login"]!["post"]!["security"]);
        Assert.NotNull(paths["/api/orgs/{id}"]!["get"]!["responses"]!["404"]);
    }

    [Fact]
    public async Task The_API_reference_page_is_served()
    {
        var response = await server.CreateClient().GetAsync("/api-docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
        // Its script is served from this origin, so 'self' covers it.
        var script = await server.CreateClient().GetAsync("/api-docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/api/me")]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/openapi/v1.json")]
    public async Task Responses_carry_a_strict_content_security_policy_and_security_headers(string path)
    {
        var response = await server.CreateClient().GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Only_the_API_reference_relaxes_the_policy_and_never_allows_eval()
    {
        var response = await server.CreateClient().GetAsync("/api-docs/");
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ApiDocsPolicy, csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("http", csp);
    }
}

/// <summary>The login rate limit, on a server configured with a small allowance.</summary>
public sealed class RateLimitTests(RateLimitTests.TightServer server) : IClassFixture<RateLimitTests.TightServer>
{
    public sealed class TightServer() : ServerFixture(FormFlow.Persistence.Database.DatabaseProvider.Sqlite)
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:LoginPermits"] = "3",
            // A long window, so no window boundary falls inside the test.
            ["RateLimits:WindowSeconds"] = "3600",
        };
    }

    [Fact]
    public async Task The_fourth_login_in_a_window_is_429_problem_with_retry_after()
    {
        var client = server.CreateClient();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(client, "designer")).StatusCode);
        var refused = await Api.LoginAsync(client, "designer");
        var problem = await Api.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("too many requests", Api.Text(problem));
        Assert.True(refused.Headers.RetryAfter is not null, "429 must say when to retry");
        // Tokens share the login allowance: the password check is what the limit protects.
        await Api.ProblemAsync(await client.PostAsync("/api/auth/token", JsonContent("designer")), HttpStatusCode.TooManyRequests);
        // So does the Portal page's own sign-in form.
        using var form = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login/form")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("userName", "designer"), KeyValuePair.Create("password", Api.DemoPassword)]),
        };
        form.Headers.Add("Origin", "http://localhost");
        await Api.ProblemAsync(await client.SendAsync(form), HttpStatusCode.TooManyRequests);
        // Other endpoints are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    private static StringContent JsonContent(string userName) =>
        new(new JsonObject { ["userName"] = userName, ["password"] = Api.DemoPassword }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
