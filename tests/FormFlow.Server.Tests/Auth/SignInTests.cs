using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Demo;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Auth;

/// <summary>Cookie and bearer sign-in for every demo account, /api/me, sign-out, and the audit trail they leave.</summary>
public abstract class SignInTests(ServerFixture server)
{
    public static TheoryData<string> DemoUsers() => new(DemoData.People.Select(p => p.UserName));

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Cookie_login_returns_the_account_and_its_roles_and_me_agrees(string userName)
    {
        var person = DemoData.People.Single(p => p.UserName == userName);
        var client = server.CreateClient();
        var login = await Api.JsonAsync(await Api.LoginAsync(client, userName));
        AssertAccount(login, person);

        var me = await Api.JsonAsync(await client.GetAsync("/api/me"));
        AssertAccount(me, person);
        Assert.Equal(login["id"]!.GetValue<string>(), me["id"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Token_works_as_a_bearer_for_me(string userName)
    {
        var person = DemoData.People.Single(p => p.UserName == userName);
        var anonymous = server.CreateClient(new() { HandleCookies = false });
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password = Api.DemoPassword });
        var token = await Api.JsonAsync(response);
        Assert.False(response.Headers.Contains("Set-Cookie"), "a token request must not sign a browser in");
        Assert.True(token["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(30));
        AssertAccount(token["account"]!.AsObject(), person);

        var bearer = await Api.BearerClientAsync(server, userName);
        AssertAccount(await Api.JsonAsync(await bearer.GetAsync("/api/me")), person);
    }

    [Fact]
    public async Task Signing_in_to_the_hall_answers_the_account_and_the_services_the_hall_then_lists()
    {
        var client = server.CreateClient();
        var before = await server.AuditCountAsync("auth.login.succeeded", "account:worker");
        var signedIn = await Api.JsonAsync(await client.PostAsJsonAsync("/api/auth/login/hall", new { userName = "worker", password = Api.DemoPassword }));
        AssertAccount(signedIn["account"]!.AsObject(), DemoData.People.Single(p => p.UserName == "worker"));
        Assert.Equal(before + 1, await server.AuditCountAsync("auth.login.succeeded", "account:worker"));
        // Signed in by its cookie, and the hall it answered is the one GET /api/services lists.
        var listed = (await client.GetFromJsonAsync<JsonArray>("/api/services"))!;
        Assert.NotEmpty(listed);
        Assert.Equal(listed.ToJsonString(), signedIn["services"]!.ToJsonString());

        var refused = server.CreateClient();
        await Api.ProblemAsync(await refused.PostAsJsonAsync("/api/auth/login/hall", new { userName = "worker", password = "not-the-password" }), HttpStatusCode.Unauthorized);
        Assert.False((await refused.GetAsync("/api/me")).IsSuccessStatusCode);
        var empty = await Api.ProblemAsync(await refused.PostAsJsonAsync("/api/auth/login/hall", new { userName = "", password = "x" }), HttpStatusCode.BadRequest);
        Assert.Contains("/userName", Api.Text(empty));
    }

    [Fact]
    public async Task A_tampered_or_foreign_token_is_refused()
    {
        var bearer = await Api.BearerClientAsync(server, "designer");
        var token = bearer.DefaultRequestHeaders.Authorization!.Parameter!;
        // Flip one character of the signature.
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tampered);
        await Api.ProblemAsync(await bearer.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_password_is_401_and_audited_as_a_security_event()
    {
        var client = server.CreateClient();
        var before = await server.AuditCountAsync("auth.login.failed", "account:lawyer");
        var problem = await Api.ProblemAsync(await Api.LoginAsync(client, "lawyer", "not-the-password"), HttpStatusCode.Unauthorized);
        Assert.Contains("wrong user name or password", Api.Text(problem));
        Assert.Equal(before + 1, await server.AuditCountAsync("auth.login.failed", "account:lawyer"));
        Assert.False((await client.GetAsync("/api/me")).IsSuccessStatusCode);

        var unknownBefore = await server.AuditCountAsync("auth.login.failed", "account:nobody");
        await Api.ProblemAsync(await Api.LoginAsync(client, "nobody"), HttpStatusCode.Unauthorized);
        Assert.Equal(unknownBefore + 1, await server.AuditCountAsync("auth.login.failed", "account:nobody"));
    }

    [Fact]
    public async Task Successful_login_and_logout_are_audited_and_logout_ends_the_session()
    {
        var loginsBefore = await server.AuditCountAsync("auth.login.succeeded", "account:reviewer");
        var logoutsBefore = await server.AuditCountAsync("auth.logout", "account:reviewer");
        var client = await Api.CookieClientAsync(server, "reviewer");
        Assert.Equal(loginsBefore + 1, await server.AuditCountAsync("auth.login.succeeded", "account:reviewer"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(logoutsBefore + 1, await server.AuditCountAsync("auth.logout", "account:reviewer"));
        await Api.ProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        var response = await Api.LoginAsync(server.CreateClient(new() { HandleCookies = false }), "designer");
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("formflow.auth="));
        Assert.Contains("httponly", cookie.ToLowerInvariant());
        Assert.Contains("samesite=strict", cookie.ToLowerInvariant());
    }

    private static void AssertAccount(JsonObject account, DemoData.Person person)
    {
        Assert.Equal(person.UserName, account["userName"]!.GetValue<string>());
        Assert.Equal(person.DisplayName, account["displayName"]!.GetValue<string>());
        var role = Assert.Single(account["roles"]!.AsArray())!;
        Assert.Equal(person.Role, role["role"]!.GetValue<string>());
        Assert.Equal(person.OrgName, role["orgName"]!.GetValue<string>());
        Assert.True(role["orgId"]!.GetValue<int>() > 0);
    }
}

public sealed class SqliteSignInTests(SqliteServer server) : SignInTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresSignInTests(PostgresServer server) : SignInTests(server), IClassFixture<PostgresServer>;
