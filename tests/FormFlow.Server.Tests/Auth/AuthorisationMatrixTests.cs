using System.Net;
using FormFlow.Server.Demo;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Auth;

/// <summary>Every protected endpoint refuses anonymous callers with 401 and is open to every demo role.</summary>
public abstract class AuthorisationMatrixTests(ServerFixture server)
{
    public static TheoryData<string, string> ProtectedEndpoints() => new()
    {
        { "GET", "/api/me" },
        { "GET", "/api/orgs" },
        { "GET", "/api/orgs/1" },
        { "POST", "/api/auth/logout" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Anonymous_callers_get_401_problem(string method, string path)
    {
        var client = server.CreateClient();
        var problem = await Api.ProblemAsync(await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), HttpStatusCode.Unauthorized);
        Assert.Equal("Unauthorized", problem["title"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task A_garbage_bearer_token_gets_401_problem(string method, string path)
    {
        var client = server.CreateClient(new() { HandleCookies = false });
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new("Bearer", "not.a.token");
        await Api.ProblemAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_demo_role_may_read_me_and_its_orgs()
    {
        foreach (var person in DemoData.People)
        {
            var client = await Api.BearerClientAsync(server, person.UserName);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/orgs")).StatusCode);
        }
    }
}

public sealed class SqliteAuthorisationMatrixTests(SqliteServer server) : AuthorisationMatrixTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresAuthorisationMatrixTests(PostgresServer server) : AuthorisationMatrixTests(server), IClassFixture<PostgresServer>;
