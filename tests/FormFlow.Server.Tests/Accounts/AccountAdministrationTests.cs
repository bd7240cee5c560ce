using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Accounts;

/// <summary>Admins create accounts and grant roles at their unit and below, never above or beside it; every change is audited.</summary>
public abstract class AccountAdministrationTests(ServerFixture server)
{
    private const string Password = "A-long-passphrase-2026";

    private async Task<int> OrgIdAsync(string name)
    {
        await using var db = server.OpenDb();
        return await db.OrgUnits.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private async Task<JsonObject> CreateAsync(string userName, string role, string org, string? password = Password)
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var response = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName, displayName = "新同事", password, roles = new[] { new { role, orgUnitId = await OrgIdAsync(org) } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Api.JsonAsync(response);
    }

    [Fact]
    public async Task A_district_admin_creates_a_street_reviewer_who_can_sign_in_and_is_audited()
    {
        var created = await CreateAsync("hp-reviewer", "reviewer", "和平街道总工会");

        Assert.Equal("reviewer@和平街道总工会", $"{created["roles"]![0]!["role"]}@{created["roles"]![0]!["orgName"]}");
        var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(client, "hp-reviewer", Password)).StatusCode);
        await using var db = server.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "account.created" && a.Actor == "district-admin" && a.Target == $"account:{created["id"]}"));
    }

    [Theory]
    [InlineData("reviewer", "某市总工会", HttpStatusCode.Forbidden, "roles/0/orgUnitId")]
    [InlineData("reviewer", "西湖区总工会", HttpStatusCode.Forbidden, "roles/0/orgUnitId")]
    [InlineData("boss", "东城区总工会", HttpStatusCode.UnprocessableEntity, "roles/0/role")]
    public async Task A_role_above_or_beside_the_admins_unit_or_unknown_is_refused_and_nothing_is_created(string role, string org, HttpStatusCode status, string field)
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var userName = $"refused-{Guid.NewGuid():N}"[..20];
        var problem = await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName, displayName = "越权", password = Password, roles = new[] { new { role, orgUnitId = await OrgIdAsync(org) } },
        }), status);
        Assert.Equal(field, (string?)problem["field"]);
        await using var db = server.OpenDb();
        Assert.False(await db.Users.AnyAsync(a => a.UserName == userName));
    }

    [Fact]
    public async Task A_taken_user_name_is_409_and_a_worker_is_not_an_admin()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var taken = await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName = "reviewer", displayName = "重名", password = Password, roles = new[] { new { role = "reviewer", orgUnitId = await OrgIdAsync("东城区总工会") } },
        }), HttpStatusCode.Conflict);
        Assert.Equal("userName", (string?)taken["field"]);
        var worker = await Api.CookieClientAsync(server, "worker");
        await Api.ProblemAsync(await worker.GetAsync("/api/accounts"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_list_holds_the_accounts_of_my_subtree_only_paged_by_user_name()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Api.JsonAsync(await admin.GetAsync($"/api/accounts?limit=2{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}"));
            Assert.True(page["items"]!.AsArray().Count <= 2);
            names.AddRange(page["items"]!.AsArray().Select(a => (string)a!["userName"]!));
            cursor = (string?)page["next"];
        } while (cursor is not null);

        Assert.Contains("reviewer", names);
        Assert.Contains("worker", names);
        Assert.DoesNotContain("designer", names);
        Assert.DoesNotContain("merchant", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Distinct().Count(), names.Count);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_token_and_browser_session_stop_until_it_is_enabled()
    {
        var created = await CreateAsync("to-disable", "lawyer", "东城区总工会");
        var token = await server.CreateClient(new() { HandleCookies = false }).PostAsJsonAsync("/api/auth/token", new { userName = "to-disable", password = Password });
        var bearer = server.CreateClient(new() { HandleCookies = false });
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", (string)(await Api.JsonAsync(token))["accessToken"]!);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/me")).StatusCode);
        var browser = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(browser, "to-disable", Password)).StatusCode);
        var admin = await Api.CookieClientAsync(server, "district-admin");

        var disabled = await Api.JsonAsync(await admin.PostAsync($"/api/accounts/{created["id"]}/disable", null));
        Assert.True((bool)disabled["disabled"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.LoginAsync(server.CreateClient(), "to-disable", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);

        await Api.JsonAsync(await admin.PostAsync($"/api/accounts/{created["id"]}/enable", null));
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(server.CreateClient(), "to-disable", Password)).StatusCode);
    }

    [Fact]
    public async Task The_city_designer_cannot_be_disabled_by_a_district_admin()
    {
        await using var db = server.OpenDb();
        var designer = await db.Users.SingleAsync(a => a.UserName == "designer");
        var admin = await Api.CookieClientAsync(server, "district-admin");
        await Api.ProblemAsync(await admin.PostAsync($"/api/accounts/{designer.Id}/disable", null), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(server.CreateClient(), "designer")).StatusCode);
    }

    [Fact]
    public async Task An_account_made_without_a_password_sets_one_with_a_reset_link_that_works_once()
    {
        var created = await CreateAsync("new-expert", "analyst", "东城区总工会", password: null);
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var link = (string)(await Api.JsonAsync(await admin.PostAsync($"/api/accounts/{created["id"]}/password-reset", null)))["link"]!;
        var query = HttpUtility.ParseQueryString(new Uri(new Uri("http://portal"), link).Query);
        var reset = new { accountId = query["account"], token = query["token"], newPassword = Password };

        Assert.Equal(HttpStatusCode.NoContent, (await server.CreateClient().PostAsJsonAsync("/api/auth/password/reset", reset)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(server.CreateClient(), "new-expert", Password)).StatusCode);
        var again = await Api.ProblemAsync(await server.CreateClient().PostAsJsonAsync("/api/auth/password/reset", reset with { newPassword = "Another-passphrase-9" }), HttpStatusCode.BadRequest);
        Assert.Equal("token", (string?)again["field"]);
        var weak = await Api.ProblemAsync(await server.CreateClient().PostAsJsonAsync("/api/auth/password/reset",
            new { accountId = query["account"], token = "x", newPassword = "short" }), HttpStatusCode.BadRequest);
        Assert.Equal("token", (string?)weak["field"]);
    }

    [Fact]
    public async Task Setting_roles_replaces_those_in_my_subtree_and_refuses_one_above_it()
    {
        var created = await CreateAsync("role-change", "reviewer", "和平街道总工会");
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var changed = await Api.JsonAsync(await admin.PutAsJsonAsync($"/api/accounts/{created["id"]}/roles",
            new { roles = new[] { new { role = "lawyer", orgUnitId = await OrgIdAsync("东城区总工会") } } }));
        Assert.Equal(["lawyer@东城区总工会"], changed["roles"]!.AsArray().Select(r => $"{r!["role"]}@{r["orgName"]}"));

        await Api.ProblemAsync(await admin.PutAsJsonAsync($"/api/accounts/{created["id"]}/roles",
            new { roles = new[] { new { role = "admin", orgUnitId = await OrgIdAsync("某市总工会") } } }), HttpStatusCode.Forbidden);
        await using var db = server.OpenDb();
        Assert.Equal(["lawyer"], await db.RoleAssignments.Where(r => r.AccountId == (string)created["id"]!).Select(r => r.Role).ToListAsync());
    }
}

public sealed class SqliteAccountAdministrationTests(SqliteServer server) : AccountAdministrationTests(server), IClassFixture<SqliteServer>;
public sealed class PostgresAccountAdministrationTests(PostgresServer server) : AccountAdministrationTests(server), IClassFixture<PostgresServer>;
