using System.Net;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Modules;

/// <summary>
/// Before publishing, the Studio asks what the publish would do to every module derived below (districts, streets,
/// transitively): the dry run writes nothing and foretells exactly what the publish's cascade then does.
/// </summary>
public abstract class PublishImpactTests(ServerFixture server)
{
    private static JsonNode Derived(JsonNode impact, JsonNode module) =>
        impact["derived"]!.AsArray().Single(e => e!["moduleId"]!.GetValue<int>() == module["id"]!.GetValue<int>())!;

    [Fact]
    public async Task The_impact_of_the_demo_citys_new_lock_names_the_broken_district_operation_and_equals_what_the_publish_then_does()
    {
        var designer = await Api.BearerClientAsync(server, "designer");
        var admin = await Api.BearerClientAsync(server, "district-admin");
        var city = await ModuleLibraryApi.FindAsync(designer, "join", "某市总工会");
        var dongcheng = await ModuleLibraryApi.FindAsync(admin, "join", "东城区总工会");
        var xihu = await ModuleLibraryApi.FindAsync(designer, "join", "西湖区总工会");
        var heping = await ModuleLibraryApi.StreetModuleAsync(server, admin, dongcheng, "和平街道总工会",
            new { op = "set", element = "name", path = "/label/zh-CN", value = "姓名（与身份证一致）", was = "姓名" });
        var beishan = await ModuleLibraryApi.StreetModuleAsync(server, designer, xihu, "北山街道总工会",
            new { op = "set", element = "name", path = "/label/zh-CN", value = "姓名（北山）", was = "姓名" });
        // the demo city's draft of join is version 1.1.0 with one new lock (samples/customisations/city.join-1.1.draft.json)

        var impact = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{city["id"]}/impact"));

        Assert.Equal("1.1.0", (string?)impact["version"]);
        Assert.Equal("clean", (string?)Derived(impact, dongcheng)["status"]);
        Assert.Equal("clean", (string?)Derived(impact, heping)["status"]);
        var broken = Derived(impact, xihu);
        Assert.Equal(("brokenByLock", "西湖区总工会", "1.0.0", "1.1.0"), ((string?)broken["status"], (string?)broken["org"]!["name"], (string?)broken["from"], (string?)broken["to"]));
        var conflict = Assert.Single(broken["conflicts"]!.AsArray())!;
        Assert.Equal(("lockedUpstream", "/review/inputs/title", "某市总工会"), ((string?)conflict["kind"], (string?)conflict["path"], (string?)conflict["lockedBy"]!["name"]));
        Assert.Equal(("审核入会申请", "审核入会申请", "审核入会申请（朝阳区：3个工作日内电话联系）"),
            ((string?)conflict["base"], (string?)conflict["parent"], (string?)conflict["child"]));
        Assert.Equal(("set", "/inputs/title"), ((string?)conflict["operation"]!["op"], (string?)conflict["operation"]!["path"]));
        Assert.Equal("审核步骤名称全市统一，便于跨区统计", (string?)conflict["lock"]!["reason"]);
        Assert.Equal("waitsForParent", (string?)Derived(impact, beishan)["status"]);
        // nothing was written: the districts are still on version 1 and no upgrade was opened
        Assert.Equal("1", (string?)(await ModuleLibraryApi.FindAsync(admin, "join", "东城区总工会"))["latestVersion"]);
        await Api.ProblemAsync(await designer.GetAsync($"/api/modules/{xihu["id"]}/upgrade"), HttpStatusCode.NotFound);

        var published = await designer.PostAsync($"/api/modules/{city["id"]}/publish", null);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var answer = await Api.JsonAsync(published);
        Assert.Equal((string?)impact["hash"], (string?)answer["hash"]);
        foreach (var entry in impact["derived"]!.AsArray())
        {
            var id = entry!["moduleId"]!.GetValue<int>();
            var upgraded = answer["upgraded"]!.AsArray().SingleOrDefault(e => e!["moduleId"]!.GetValue<int>() == id);
            var waiting = answer["waiting"]!.AsArray().SingleOrDefault(e => e!["moduleId"]!.GetValue<int>() == id);
            switch ((string?)entry["status"])
            {
                case "clean":
                    Assert.Null(waiting);
                    Assert.Equal(((string?)entry["version"], (string?)entry["hash"], (string?)entry["from"], (string?)entry["to"]),
                        ((string?)upgraded!["version"], (string?)upgraded["hash"], (string?)upgraded["from"], (string?)upgraded["to"]));
                    break;
                case "upToDate" or "waitsForParent":
                    Assert.Null(upgraded);
                    Assert.Null(waiting);
                    break;
                default:
                    Assert.Null(upgraded);
                    Assert.Equal((string?)entry["reason"], (string?)waiting!["reason"]);
                    Assert.Equal(entry["conflicts"]!.AsArray().Select(c => $"{c!["kind"]} at {c["path"]}"), waiting["conflicts"]!.AsArray().Select(c => (string?)c));
                    break;
            }
        }
        Assert.Equal(impact["derived"]!.AsArray().Count(e => (string?)e!["status"] == "clean"), answer["upgraded"]!.AsArray().Count);
    }

    [Fact]
    public async Task Only_an_editor_of_the_module_sees_its_impact_and_an_unknown_module_is_404()
    {
        var designer = await Api.BearerClientAsync(server, "designer");
        var admin = await Api.BearerClientAsync(server, "district-admin");
        var city = await ModuleLibraryApi.FindAsync(designer, "benefits", "某市总工会");
        await ModuleLibraryApi.DraftTemplateAsync(designer, city, "1.5.0", p => { });

        var refused = await Api.ProblemAsync(await admin.GetAsync($"/api/modules/{city["id"]}/impact"), HttpStatusCode.Forbidden);
        Assert.Contains("某市总工会", (string?)refused["detail"]);
        await Api.ProblemAsync(await designer.GetAsync("/api/modules/999999/impact"), HttpStatusCode.NotFound);
        var same = await Api.ProblemAsync(await designer.GetAsync($"/api/modules/{(await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "某市总工会"))["id"]}/impact"), HttpStatusCode.Conflict);
        Assert.Contains("resolves to version 1.0.0", (string?)same["detail"]);
    }
}

public sealed class SqlitePublishImpactTests(SqliteDemoDraftServer server) : PublishImpactTests(server), IClassFixture<SqliteDemoDraftServer>;

public sealed class PostgresPublishImpactTests(PostgresDemoDraftServer server) : PublishImpactTests(server), IClassFixture<PostgresDemoDraftServer>;
