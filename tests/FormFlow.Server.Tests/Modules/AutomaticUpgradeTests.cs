using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Modules;

/// <summary>
/// A publish carries over to the modules derived from it, level by level (city → district → street), where the
/// rebase has no blocking conflict and no draft is in progress; the rest wait with the reason. Each test works on
/// its own module key (join, legal consultation, benefits), so their order does not matter.
/// </summary>
public abstract class AutomaticUpgradeTests(ServerFixture server)
{
    private static JsonArray Activities(JsonNode preview) => preview["module"]!["workflow"]!["activities"]!.AsArray();

    private static JsonNode Field(JsonNode preview, string id) =>
        preview["module"]!["forms"]!.AsArray().SelectMany(f => f!["pages"]!.AsArray()).SelectMany(p => p!["sections"]!.AsArray())
            .SelectMany(s => s!["fields"]!.AsArray()).Single(f => (string?)f!["id"] == id)!;

    private Task<JsonObject> StreetModuleAsync(HttpClient admin, JsonObject parent, string street, object operation) =>
        ModuleLibraryApi.StreetModuleAsync(server, admin, parent, street, operation);

    [Fact]
    public async Task A_disjoint_city_change_reaches_district_and_street_with_their_changes_and_moves_their_services()
    {
        var designer = await Api.BearerClientAsync(server, "designer");
        var admin = await Api.BearerClientAsync(server, "district-admin");
        var city = await ModuleLibraryApi.FindAsync(designer, "join", "某市总工会");
        var district = await ModuleLibraryApi.FindAsync(admin, "join", "东城区总工会");
        var street = await StreetModuleAsync(admin, district, "和平街道总工会",
            new { op = "set", element = "name", path = "/label/zh-CN", value = "姓名（与身份证一致）", was = "姓名" });
        var xihu = await ModuleLibraryApi.FindAsync(designer, "join", "西湖区总工会");
        var off = await Api.JsonAsync(await designer.PutAsJsonAsync($"/api/modules/{xihu["id"]}/settings", new { autoUpgrade = false }));
        Assert.False((bool)off["autoUpgrade"]!);

        // a case starts on the street's version 1: the worker's union is below 和平街道
        var worker = await Api.CookieClientAsync(server, "worker");
        var service = JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray().Single(s => (string?)s!["moduleKey"] == "join")!;
        Assert.Equal("和平街道总工会", (string?)service["orgName"]);
        var data = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.Path("samples/forms/union-join/valid.json")))!;
        data["signature"] = await TestFiles.UploadPngAsync(worker);
        var running = await Api.JsonAsync(await worker.PostAsJsonAsync($"/api/services/{service["id"]}/cases", new { data }));

        var answer = await ModuleLibraryApi.PublishTemplateAsync(designer, city, "2.0.0", p => p["settings"]!["streetDeadlineDays"]!["value"] = 12);

        var districtUpgrade = ModuleLibraryApi.Entry(answer, "upgraded", district);
        Assert.Equal(("1.0.0", "2.0.0", "2"), ((string?)districtUpgrade["from"], (string?)districtUpgrade["to"], (string?)districtUpgrade["version"]));
        Assert.NotEmpty(districtUpgrade["servicesMoved"]!.AsArray());
        var streetUpgrade = ModuleLibraryApi.Entry(answer, "upgraded", street);
        Assert.Equal(("1", "2", "2"), ((string?)streetUpgrade["from"], (string?)streetUpgrade["to"], (string?)streetUpgrade["version"]));
        Assert.Contains("off", (string?)ModuleLibraryApi.Entry(answer, "waiting", xihu)["reason"]);
        Assert.True((bool)(await ModuleLibraryApi.FindAsync(designer, "join", "西湖区总工会"))["upgradeAvailable"]!);

        // the district's version 2 carries the city's change and its own
        var districtVersion = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{district["id"]}/versions/2"));
        Assert.Equal(12, districtVersion["workflow"]!["activities"]!.AsArray()
            .Single(a => (string?)a!["id"] == "streetReview")!["inputs"]!["deadlineDays"]!.GetValue<int>());
        Assert.Contains("parkName", districtVersion.ToJsonString());
        // the street's version 2 carries all three levels, pinned to the district's version 2
        var streetPreview = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{street["id"]}/preview"));
        Assert.Equal(12, Activities(streetPreview).Single(a => (string?)a!["id"] == "streetReview")!["inputs"]!["deadlineDays"]!.GetValue<int>());
        Assert.Equal("姓名（与身份证一致）", (string?)Field(streetPreview, "name")["label"]!["zh-CN"]);
        Assert.Equal("手机号码（接收审核短信）", (string?)Field(streetPreview, "mobile")["label"]!["zh-CN"]);
        Assert.Equal((string?)streetUpgrade["hash"], (string?)streetPreview["hash"]);
        var overlay = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{street["id"]}/overlay"));
        Assert.Equal((string?)districtUpgrade["hash"], (string?)overlay["basedOn"]!["hash"]);
        Assert.Equal("automaticUpgrade", (string?)overlay["log"]!.AsArray()[^1]!["choice"]);
        var summary = await ModuleLibraryApi.FindAsync(admin, "join", "和平街道总工会");
        Assert.False((bool)summary["upgradeAvailable"]!);
        Assert.False((bool)summary["draft"]!);
        var versions = (await Api.JsonAsync(await admin.GetAsync($"/api/modules/{street["id"]}")))["versions"]!.AsArray();
        Assert.StartsWith("automatic upgrade (designer)", (string?)versions[^1]!["publishedBy"]);

        // new cases take the new snapshot; the running case keeps its own
        var current = JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray().Single(s => (string?)s!["moduleKey"] == "join")!;
        Assert.NotEqual(service["id"]!.GetValue<int>(), current["id"]!.GetValue<int>());
        var fresh = await Api.JsonAsync(await worker.PostAsJsonAsync($"/api/services/{current["id"]}/cases", new { data }));
        Assert.Equal((string?)streetUpgrade["hash"], (string?)fresh["snapshotHash"]);
        Assert.Equal((string?)running["snapshotHash"], (string?)(await Api.JsonAsync(await worker.GetAsync($"/api/cases/{running["id"]}")))["snapshotHash"]);

        await using var db = server.OpenDb();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "module.autoUpgraded" && e.Actor == "designer"
            && (e.Target == $"module:{district["id"]}" || e.Target == $"module:{street["id"]}")));
    }

    [Fact]
    public async Task A_conflicting_change_stops_at_the_district_and_the_street_follows_once_the_district_publishes()
    {
        var designer = await Api.BearerClientAsync(server, "designer");
        var admin = await Api.BearerClientAsync(server, "district-admin");
        var city = await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "某市总工会");
        var district = await ModuleLibraryApi.FindAsync(admin, "legal-consultation", "东城区总工会");
        var street = await StreetModuleAsync(admin, district, "建设街道总工会",
            new { op = "set", element = "lawyerDeadlineDays", path = "/value", value = 8, was = 3 });

        // 东城区 set the lawyer's deadline to 3; the city now changes it too (and a label nobody below touched)
        var answer = await ModuleLibraryApi.PublishTemplateAsync(designer, city, "2.0.0", p =>
        {
            p["settings"]!["lawyerDeadlineDays"]!["value"] = 7;
            p["settings"]!["lawyerDeadlineDays"]!["label"]!["zh-CN"] = "区总工会律师答复期限（工作日，不含受理当日）";
        });
        var waiting = ModuleLibraryApi.Entry(answer, "waiting", district);
        Assert.Contains("blocking conflicts", (string?)waiting["reason"]);
        Assert.Contains("bothChanged at /lawyerDeadlineDays/value", waiting["conflicts"]!.AsArray().Select(c => (string?)c));
        Assert.DoesNotContain(answer["upgraded"]!.AsArray(), e => e!["moduleId"]!.GetValue<int>() == street["id"]!.GetValue<int>());
        Assert.DoesNotContain(answer["waiting"]!.AsArray(), e => e!["moduleId"]!.GetValue<int>() == street["id"]!.GetValue<int>());
        var districtNow = await ModuleLibraryApi.FindAsync(admin, "legal-consultation", "东城区总工会");
        Assert.True((bool)districtNow["upgradeAvailable"]!);
        Assert.Equal("1", (string?)districtNow["latestVersion"]);
        await Api.ProblemAsync(await admin.GetAsync($"/api/modules/{district["id"]}/upgrade"), HttpStatusCode.NotFound); // untouched: no upgrade opened
        var streetNow = await ModuleLibraryApi.FindAsync(admin, "legal-consultation", "建设街道总工会");
        Assert.False((bool)streetNow["upgradeAvailable"]!);
        Assert.Equal("1", (string?)streetNow["latestVersion"]);

        // the district settles it by hand and publishes: that publish carries on to the street
        var upgrade = await Api.JsonAsync(await admin.PostAsync($"/api/modules/{district["id"]}/upgrade", null));
        var conflict = Assert.Single(upgrade["conflicts"]!.AsArray())!;
        await admin.PostAsJsonAsync($"/api/modules/{district["id"]}/upgrade/resolve", new { conflictId = (string?)conflict["id"], choice = "keepMine" });
        var published = await admin.PostAsync($"/api/modules/{district["id"]}/publish", null);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var streetUpgrade = ModuleLibraryApi.Entry(await Api.JsonAsync(published), "upgraded", street);
        Assert.Equal("2", (string?)streetUpgrade["version"]);
        var preview = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{street["id"]}/preview"));
        var setting = preview["module"]!["settings"]!["lawyerDeadlineDays"]!;
        Assert.Equal(8, setting["value"]!.GetValue<int>());
        Assert.Equal("区总工会律师答复期限（工作日，不含受理当日）", (string?)setting["label"]!["zh-CN"]);
    }

    [Fact]
    public async Task A_district_with_a_draft_in_progress_is_left_alone()
    {
        var designer = await Api.BearerClientAsync(server, "designer");
        var city = await ModuleLibraryApi.FindAsync(designer, "benefits", "某市总工会");
        var xihu = await ModuleLibraryApi.FindAsync(designer, "benefits", "西湖区总工会");
        var overlay = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{xihu["id"]}/overlay"));
        var operations = overlay["operations"]!.AsArray();
        operations.Add(JsonNode.Parse("""{"op": "set", "element": "quotaPerYear", "path": "/value", "value": 6, "was": 8}"""));
        Assert.Equal(HttpStatusCode.OK, (await designer.PutAsJsonAsync($"/api/modules/{xihu["id"]}/overlay", new { operations })).StatusCode);
        var draft = await designer.GetStringAsync($"/api/modules/{xihu["id"]}/overlay");

        var answer = await ModuleLibraryApi.PublishTemplateAsync(designer, city, "2.0.0", p => p["settings"]!["quotaPerYear"]!["label"]!["zh-CN"] = "每年可用次数（自然年）");
        Assert.Contains("unpublished draft", (string?)ModuleLibraryApi.Entry(answer, "waiting", xihu)["reason"]);
        Assert.Empty(answer["upgraded"]!.AsArray());
        Assert.Equal(draft, await designer.GetStringAsync($"/api/modules/{xihu["id"]}/overlay"));
        var summary = await ModuleLibraryApi.FindAsync(designer, "benefits", "西湖区总工会");
        Assert.True((bool)summary["upgradeAvailable"]!);
        Assert.Equal("1", (string?)summary["latestVersion"]);

        await using var db = server.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "module.autoUpgradeWaiting" && e.Target == $"module:{xihu["id"]}"));
    }

    [Fact]
    public async Task Only_a_derived_module_has_the_automatic_upgrade_setting_and_only_staff_change_it()
    {
        var designer = await Api.BearerClientAsync(server, "designer");
        var city = await ModuleLibraryApi.FindAsync(designer, "join", "某市总工会");
        Assert.False((bool)city["autoUpgrade"]!);
        await Api.ProblemAsync(await designer.PutAsJsonAsync($"/api/modules/{city["id"]}/settings", new { autoUpgrade = true }), HttpStatusCode.Conflict);
        var admin = await Api.BearerClientAsync(server, "district-admin");
        var dongcheng = await ModuleLibraryApi.FindAsync(admin, "legal-consultation", "东城区总工会");
        Assert.True((bool)dongcheng["autoUpgrade"]!);
        var worker = await Api.BearerClientAsync(server, "worker");
        await Api.ProblemAsync(await worker.PutAsJsonAsync($"/api/modules/{dongcheng["id"]}/settings", new { autoUpgrade = false }), HttpStatusCode.Forbidden);
        Assert.True((bool)(await ModuleLibraryApi.FindAsync(admin, "legal-consultation", "东城区总工会"))["autoUpgrade"]!);
    }
}

public sealed class SqliteAutomaticUpgradeTests(SqliteServer server) : AutomaticUpgradeTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresAutomaticUpgradeTests(PostgresServer server) : AutomaticUpgradeTests(server), IClassFixture<PostgresServer>;
