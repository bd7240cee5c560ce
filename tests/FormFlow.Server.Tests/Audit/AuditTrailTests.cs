using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Audit;

/// <summary>
/// 审计日志: an admin reads the entries about their own subtree — never another district's — filtered by actor,
/// action and day and paged by cursor; entries about no one unit only an admin of the root reads; others get 403.
/// </summary>
public abstract class AuditTrailTests(ServerFixture server)
{
    private async Task<int> OrgIdAsync(string name)
    {
        await using var db = server.OpenDb();
        return await db.OrgUnits.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private static async Task<string> CreateMerchantAsync(HttpClient admin, string name, int district)
    {
        var response = await admin.PostAsJsonAsync("/api/merchants", new { name, category = "审计测试", districtId = district, benefits = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await Api.JsonAsync(response))["code"]!;
    }

    private static async Task<List<JsonObject>> EntriesAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/audit" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Api.JsonAsync(response))["items"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    private static List<string?> Targets(List<JsonObject> entries) => entries.Select(e => (string?)e["target"]).ToList();

    [Fact]
    public async Task A_district_admin_reads_the_entries_of_their_subtree_and_not_the_district_next_door()
    {
        await TestAccounts.EnsureAsync(server, "audit-city-admin", Roles.Admin, "某市总工会");
        var district = await Api.CookieClientAsync(server, "district-admin");
        var city = await Api.CookieClientAsync(server, "audit-city-admin");
        var mine = await CreateMerchantAsync(district, "审计东城商户", await OrgIdAsync("东城区总工会"));
        var nextDoor = await CreateMerchantAsync(city, "审计西湖商户", await OrgIdAsync("西湖区总工会"));

        var seen = await EntriesAsync(district, "?action=merchant.&limit=100");
        Assert.Contains($"merchant:{mine}", Targets(seen));
        Assert.DoesNotContain($"merchant:{nextDoor}", Targets(seen));
        var entry = seen.First(e => (string?)e["target"] == $"merchant:{mine}");
        Assert.Equal(("district-admin", "merchant.created", "东城区总工会"), ((string)entry["actor"]!, (string)entry["action"]!, (string?)entry["orgName"]));
        Assert.Contains("审计东城商户", (string)entry["details"]!);

        var all = await EntriesAsync(city, "?action=merchant.created&limit=100");
        Assert.Contains($"merchant:{mine}", Targets(all));
        Assert.Contains($"merchant:{nextDoor}", Targets(all));

        // The city narrows to one district's subtree, or to one object.
        var dongcheng = await EntriesAsync(city, $"?action=merchant.created&org={await OrgIdAsync("东城区总工会")}&limit=100");
        Assert.Contains($"merchant:{mine}", Targets(dongcheng));
        Assert.DoesNotContain($"merchant:{nextDoor}", Targets(dongcheng));
        Assert.Equal([$"merchant:{nextDoor}"], Targets(await EntriesAsync(city, $"?target=merchant:{nextDoor}")));
    }

    [Fact]
    public async Task An_org_outside_the_admin_subtree_is_404_naming_org()
    {
        var district = await Api.CookieClientAsync(server, "district-admin");
        var response = await district.GetAsync($"/api/audit?org={await OrgIdAsync("西湖区总工会")}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("org", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["parameter"]);
    }

    [Fact]
    public async Task Entries_about_no_unit_are_read_only_by_an_admin_of_the_root()
    {
        await TestAccounts.EnsureAsync(server, "audit-city-admin", Roles.Admin, "某市总工会");
        var city = await Api.CookieClientAsync(server, "audit-city-admin");
        var district = await Api.CookieClientAsync(server, "district-admin");
        Assert.NotEmpty(await EntriesAsync(city, "?action=seed.demo"));
        Assert.Empty(await EntriesAsync(district, "?action=seed.demo"));
    }

    [Fact]
    public async Task The_filters_narrow_by_actor_and_day_and_pages_follow_the_cursor()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var dongcheng = await OrgIdAsync("东城区总工会");
        var codes = new List<string>();
        for (var i = 0; i < 3; i++) codes.Add(await CreateMerchantAsync(admin, $"审计分页商户{i}", dongcheng));

        var first = await Api.JsonAsync(await admin.GetAsync("/api/audit?actor=district-admin&action=merchant.created&limit=2"));
        Assert.Equal([$"merchant:{codes[2]}", $"merchant:{codes[1]}"], first["items"]!.AsArray().Select(e => (string?)e!["target"]));
        var second = await EntriesAsync(admin, $"?actor=district-admin&action=merchant.created&limit=2&cursor={first["next"]}");
        Assert.Equal($"merchant:{codes[0]}", (string?)second[0]["target"]);

        Assert.Empty(await EntriesAsync(admin, "?actor=somebody-else&action=merchant.created"));
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        Assert.Contains($"merchant:{codes[0]}", Targets(await EntriesAsync(admin, $"?action=merchant.created&from={today}&to={today}&limit=100")));
        Assert.Empty(await EntriesAsync(admin, "?action=merchant.created&from=2001-01-01&to=2001-01-31"));
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?from=2026-12-02&to=2026-12-01", "to")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?cursor=abc", "cursor")]
    public async Task A_bad_filter_is_400_naming_the_parameter(string query, string parameter)
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var response = await admin.GetAsync("/api/audit" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["parameter"]);
    }

    [Theory]
    [InlineData("reviewer")]
    [InlineData("worker")]
    [InlineData("merchant")]
    [InlineData("designer")]
    public async Task Anyone_but_an_admin_is_refused_with_403(string caller)
    {
        var client = await Api.CookieClientAsync(server, caller);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
    }
}

public sealed class SqliteAuditTrailTests(SqliteServer server) : AuditTrailTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresAuditTrailTests(PostgresServer server) : AuditTrailTests(server), IClassFixture<PostgresServer>;
