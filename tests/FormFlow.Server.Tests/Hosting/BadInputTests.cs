using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Hosting;

/// <summary>
/// Bad requests get a 4xx ProblemDetails that names the problem, never a 500, and change nothing: the audit log
/// (which records every login attempt that reaches the credential check) does not grow.
/// </summary>
public abstract class BadInputTests(ServerFixture server)
{
    public static TheoryData<string, string, string, HttpStatusCode, string> BadBodies() => new()
    {
        // endpoint, content type, body, expected status, text the problem must contain
        { "/api/auth/login", "application/json", "{\"userName\":\"designer\",\"password\":", HttpStatusCode.BadRequest, "JSON" },
        { "/api/auth/login", "application/json", "not json at all", HttpStatusCode.BadRequest, "invalid" },
        { "/api/auth/login", "application/json", "{\"userName\":\"designer\",\"password\":42}", HttpStatusCode.BadRequest, "/password" },
        { "/api/auth/login", "application/json", "{\"userName\":[\"designer\"],\"password\":\"demo\"}", HttpStatusCode.BadRequest, "/userName" },
        { "/api/auth/login", "application/json", "{\"userName\":\"designer\",\"password\":\"demo\",\"role\":\"admin\"}", HttpStatusCode.BadRequest, "role" },
        { "/api/auth/login", "application/json", "{\"userName\":\"designer\"}", HttpStatusCode.BadRequest, "password" },
        { "/api/auth/login", "application/json", "{\"userName\":null,\"password\":\"demo\"}", HttpStatusCode.BadRequest, "userName" },
        { "/api/auth/login", "application/json", "{\"userName\":\"  \",\"password\":\"demo\"}", HttpStatusCode.BadRequest, "/userName must not be empty" },
        { "/api/auth/login", "application/json", "[]", HttpStatusCode.BadRequest, "JSON" },
        { "/api/auth/login", "application/json", "", HttpStatusCode.BadRequest, "body" },
        { "/api/auth/login", "text/plain", "userName=designer&password=demo", HttpStatusCode.UnsupportedMediaType, "JSON" },
        { "/api/auth/token", "application/json", "{\"userName\":\"designer\",\"password\":true}", HttpStatusCode.BadRequest, "/password" },
        { "/api/auth/token", "application/json", "{\"user\":\"designer\",\"password\":\"demo\"}", HttpStatusCode.BadRequest, "user" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_bodies_are_named_4xx_problems_and_change_nothing(string path, string contentType, string body, HttpStatusCode status, string named)
    {
        var before = await AuditCountAsync();
        var client = server.CreateClient();
        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));
        var problem = await Api.ProblemAsync(response, status);
        Assert.Contains(named, Api.Text(problem), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await AuditCountAsync());
        Assert.False((await client.GetAsync("/api/me")).IsSuccessStatusCode, "a bad login must not sign in");
    }

    [Fact]
    public async Task An_oversized_body_is_413_before_anything_reads_it()
    {
        var before = await AuditCountAsync();
        var padding = new string('x', 2 * 1024 * 1024);
        var response = await server.CreateClient().PostAsync("/api/auth/login",
            new StringContent($"{{\"userName\":\"designer\",\"password\":\"{padding}\"}}", Encoding.UTF8, "application/json"));
        var problem = await Api.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("limit", Api.Text(problem));
        Assert.Equal(before, await AuditCountAsync());
    }

    [Theory]
    [InlineData("/api/orgs/not-a-number", HttpStatusCode.BadRequest, "not-a-number")]
    [InlineData("/api/orgs/99999999999999", HttpStatusCode.BadRequest, "99999999999999")]
    [InlineData("/api/orgs/424242", HttpStatusCode.NotFound, "424242")]
    [InlineData("/api/no-such-endpoint", HttpStatusCode.NotFound, "Not Found")]
    public async Task Unknown_or_malformed_ids_and_routes_are_named_problems(string path, HttpStatusCode status, string named)
    {
        var client = await Api.BearerClientAsync(server, "designer");
        var problem = await Api.ProblemAsync(await client.GetAsync(path), status);
        Assert.Contains(named, Api.Text(problem));
    }

    [Fact]
    public async Task A_wrong_method_is_405_problem()
    {
        await Api.ProblemAsync(await server.CreateClient().GetAsync("/api/auth/login"), HttpStatusCode.MethodNotAllowed);
    }

    /// <summary>Many malformed variants in a row: every answer is a 4xx ProblemDetails, none a 500.</summary>
    [Fact]
    public async Task Hammering_the_login_with_garbage_never_yields_a_server_error()
    {
        var before = await AuditCountAsync();
        var client = server.CreateClient();
        string[] fragments = ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999", "-0", "\"userName\"", "\"password\"", "\\u0000", "{\"a\":{\"b\":{\"c\":[[[[", "\uFFFF", "💥"];
        var random = new Random(4);
        for (var i = 0; i < 150; i++)
        {
            var body = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => fragments[random.Next(fragments.Length)]));
            var response = await client.PostAsync(i % 2 == 0 ? "/api/auth/login" : "/api/auth/token", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{body} → {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(before, await AuditCountAsync());
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = server.OpenDb();
        return await db.AuditEntries.CountAsync();
    }
}

public sealed class SqliteBadInputTests(SqliteServer server) : BadInputTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresBadInputTests(PostgresServer server) : BadInputTests(server), IClassFixture<PostgresServer>;
