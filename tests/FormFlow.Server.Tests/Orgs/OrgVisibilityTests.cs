using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Orgs;

/// <summary>What each demo role sees of the hierarchy, over cookie and bearer alike; other subtrees never leak.</summary>
public abstract class OrgVisibilityTests(ServerFixture server)
{
    private static readonly string[] Dongcheng = ["东城区总工会", "和平街道总工会", "华兴电子有限公司工会", "某市第一人民医院工会", "建设街道总工会", "顺达物流有限公司工会"];
    private static readonly string[] Xihu = ["西湖区总工会", "北山街道总工会", "西湖区实验小学工会"];

    public static TheoryData<string, string[]> Visibility() => new()
    {
        { "designer", ["某市总工会", .. Dongcheng, .. Xihu] },
        { "district-admin", Dongcheng },
        { "xihu-admin", Xihu },
        { "lawyer", Dongcheng },
        { "expert", Dongcheng },
        { "reviewer", ["华兴电子有限公司工会"] },
        // A worker sees the chain of unions they belong to, not siblings or anything below.
        { "worker", ["某市总工会", "东城区总工会", "和平街道总工会", "华兴电子有限公司工会"] },
        { "merchant", ["某市总工会"] },
    };

    [Theory]
    [MemberData(nameof(Visibility))]
    public async Task Each_role_sees_exactly_its_part_of_the_tree(string userName, string[] expected)
    {
        foreach (var client in new[] { await Api.CookieClientAsync(server, userName), await Api.BearerClientAsync(server, userName) })
        {
            var response = await client.GetAsync("/api/orgs");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var names = Flatten(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray()).Select(o => o["name"]!.GetValue<string>());
            Assert.Equal(expected.Order(), names.Order());
        }
    }

    [Fact]
    public async Task The_district_admin_gets_their_district_as_the_root_with_streets_below()
    {
        var client = await Api.CookieClientAsync(server, "district-admin");
        var roots = JsonNode.Parse(await client.GetStringAsync("/api/orgs"))!.AsArray();
        var district = Assert.Single(roots)!;
        Assert.Equal("东城区总工会", district["name"]!.GetValue<string>());
        Assert.Equal("district", district["level"]!.GetValue<string>());
        Assert.Equal(["和平街道总工会", "建设街道总工会"], district["children"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Another_districts_org_is_not_found_for_the_district_admin_but_found_for_the_city()
    {
        var xihu = await OrgIdAsync("西湖区总工会");
        var hospital = await OrgIdAsync("某市第一人民医院工会");
        var admin = await Api.CookieClientAsync(server, "district-admin");

        var hidden = await Api.ProblemAsync(await admin.GetAsync($"/api/orgs/{xihu}"), HttpStatusCode.NotFound);
        var missing = await Api.ProblemAsync(await admin.GetAsync("/api/orgs/987654"), HttpStatusCode.NotFound);
        // Hidden and non-existent look alike: the answer tells nothing about the other district.
        Assert.Equal(hidden["title"]!.GetValue<string>(), missing["title"]!.GetValue<string>());
        Assert.DoesNotContain("西湖", hidden.ToJsonString());

        var own = await Api.JsonAsync(await admin.GetAsync($"/api/orgs/{hospital}"));
        Assert.Equal("某市第一人民医院工会", own["name"]!.GetValue<string>());

        var designer = await Api.BearerClientAsync(server, "designer");
        Assert.Equal("西湖区总工会", (await Api.JsonAsync(await designer.GetAsync($"/api/orgs/{xihu}")))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reviewer_cannot_open_the_district_above_them()
    {
        var district = await OrgIdAsync("东城区总工会");
        var reviewer = await Api.BearerClientAsync(server, "reviewer");
        await Api.ProblemAsync(await reviewer.GetAsync($"/api/orgs/{district}"), HttpStatusCode.NotFound);
    }

    private async Task<int> OrgIdAsync(string name)
    {
        await using var db = server.OpenDb();
        return await db.OrgUnits.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private static IEnumerable<JsonNode> Flatten(JsonArray nodes) =>
        nodes.SelectMany(n => Flatten(n!["children"]!.AsArray()).Prepend(n!));
}

public sealed class SqliteOrgVisibilityTests(SqliteServer server) : OrgVisibilityTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresOrgVisibilityTests(PostgresServer server) : OrgVisibilityTests(server), IClassFixture<PostgresServer>;
