using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Modules;

/// <summary>
/// A derived module with a key of its own is a second service beside its parent's: the demo city runs 金点子 and its
/// 创新成果展示, 问工会 and its 技术问答, each with its own service, cases and figures; deriving under a new key is
/// refused naming the field when the key is malformed or taken; and an upgrade of the parent reaches it.
/// </summary>
public abstract class KeyedDerivationTests(CaseServer server)
{
    private const string City = "某市总工会";

    private static async Task<JsonArray> ServicesAsync(HttpClient client) => JsonNode.Parse(await client.GetStringAsync("/api/services"))!.AsArray();

    [Fact]
    public async Task The_city_runs_each_parent_and_its_keyed_derivation_as_two_services()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var services = await ServicesAsync(worker);
        foreach (var key in new[] { "ideas", "innovation-showcase", "qa", "technical-qa" })
            Assert.Equal(City, (string?)services.Single(s => (string?)s!["moduleKey"] == key)!["orgName"]);
        Assert.Equal("创新成果展示", (string?)services.Single(s => (string?)s!["moduleKey"] == "innovation-showcase")!["name"]!["zh-CN"]);
        Assert.Equal("金点子征集", (string?)services.Single(s => (string?)s!["moduleKey"] == "ideas")!["name"]!["zh-CN"]);

        var designer = await Api.CookieClientAsync(server, "designer");
        var showcase = await ModuleLibraryApi.FindAsync(designer, "technical-qa", City);
        Assert.Equal(("derived", (await ModuleLibraryApi.FindAsync(designer, "qa", City))["id"]!.GetValue<int>()),
            ((string?)showcase["kind"], showcase["parentModuleId"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_technical_question_is_a_case_of_its_own_key_answered_by_the_expert_and_counted_under_it()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var submitted = await worker.PostAsJsonAsync($"/api/services/{await CaseServer.ServiceIdAsync(worker, "technical-qa")}/cases", new
        {
            data = new JsonObject { ["topic"] = "welder", ["equipment"] = "CO2气体保护焊机", ["question"] = "薄板焊接总是烧穿，电流电压怎么调？", ["askerName"] = "王师傅", ["mayPublish"] = true },
        });
        var caseId = (long)(await Api.JsonAsync(submitted))["id"]!;

        var expert = await Api.CookieClientAsync(server, "expert");
        var task = await CaseServer.InboxTaskAsync(expert, caseId);
        var view = await Api.JsonAsync(await expert.GetAsync($"/api/tasks/{task["id"]}"));
        Assert.Equal("CO2气体保护焊机", (string?)view["case"]!["data"]!["equipment"]);
        await Api.JsonAsync(await expert.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new
        {
            outcome = "answered", data = new JsonObject { ["answer"] = "降低电流、加快焊速，采用断续焊，薄板可加铜垫板散热。" }, rowVersion = (long)task["rowVersion"]!,
        }));
        await server.DispatchAsync();
        await server.DispatchAsync();

        await using var db = server.OpenDb();
        var row = await db.Cases.SingleAsync(c => c.Id == caseId);
        Assert.Equal("technical-qa", row.ModuleKey);
        Assert.Equal("technical-qa", (await db.ServiceActivations.SingleAsync(a => a.Id == row.ServiceActivationId)).ModuleKey);
        Assert.True(await db.Figures.AnyAsync(f => f.ModuleKey == "technical-qa" && f.Value > 0));
        // consent alone publishes a technical answer to the FAQ, tagged 技术问答 (the expert chose "answered")
        var published = await db.Publications.SingleAsync(p => p.SourceCaseId == caseId);
        Assert.Contains("技术问答", JsonNode.Parse(published.Tags)!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task A_district_derives_golden_ideas_under_a_key_of_its_own_and_runs_it_beside_the_citys()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var ideas = await ModuleLibraryApi.FindAsync(admin, "ideas", City);
        var dongcheng = await ModuleLibraryApi.OrgIdAsync(server, "东城区总工会");
        // 东城区 has no module 'qa', but the key is the city's 问工会: a service of its own takes a key of its own
        var taken = await Api.ProblemAsync(await admin.PostAsJsonAsync($"/api/modules/{ideas["id"]}/derive", new { orgUnitId = dongcheng, moduleKey = "qa" }), HttpStatusCode.Conflict);
        Assert.Equal("moduleKey", (string?)taken["field"]);
        var derived = await Api.JsonAsync(await admin.PostAsJsonAsync($"/api/modules/{ideas["id"]}/derive",
            new { orgUnitId = dongcheng, moduleKey = "dongcheng-safety-ideas", name = "安全生产金点子" }));
        Assert.Equal(("dongcheng-safety-ideas", "安全生产金点子", ideas["id"]!.GetValue<int>()),
            ((string?)derived["key"], (string?)derived["name"]!["zh-CN"], derived["parentModuleId"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/modules/{derived["id"]}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/modules/{derived["id"]}/activate", new { orgUnitId = dongcheng })).StatusCode);

        var services = await ServicesAsync(await Api.CookieClientAsync(server, "worker"));
        Assert.Equal("东城区总工会", (string?)services.Single(s => (string?)s!["moduleKey"] == "dongcheng-safety-ideas")!["orgName"]);
        Assert.Equal(City, (string?)services.Single(s => (string?)s!["moduleKey"] == "ideas")!["orgName"]);
    }

    [Theory]
    [InlineData("9lives", 422, "moduleKey")]
    [InlineData("innovation-showcase", 409, "moduleKey")]
    [InlineData("join", 409, "moduleKey")]
    [InlineData(null, 422, "orgUnitId")]
    public async Task Deriving_at_the_city_under_a_bad_key_is_refused_naming_the_field_and_adds_nothing(string? key, int status, string field)
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var ideas = await ModuleLibraryApi.FindAsync(designer, "ideas", City);
        var city = await ModuleLibraryApi.OrgIdAsync(server, City);
        var before = (await ModuleLibraryApi.ListAsync(designer)).Count;
        var problem = await Api.ProblemAsync(await designer.PostAsJsonAsync($"/api/modules/{ideas["id"]}/derive", new { orgUnitId = city, moduleKey = key }), (HttpStatusCode)status);
        Assert.Equal(field, (string?)problem["field"]);
        Assert.Equal(before, (await ModuleLibraryApi.ListAsync(designer)).Count);
    }

    [Fact]
    public async Task A_name_without_simplified_chinese_is_refused_naming_it()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var ideas = await ModuleLibraryApi.FindAsync(designer, "ideas", City);
        var problem = await Api.ProblemAsync(await designer.PostAsJsonAsync($"/api/modules/{ideas["id"]}/derive",
            new { orgUnitId = await ModuleLibraryApi.OrgIdAsync(server, City), moduleKey = "ideas-en", name = new { en = "Ideas" } }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("name", (string?)problem["field"]);
    }

    [Fact]
    public async Task A_new_version_of_golden_ideas_reaches_the_showcase_which_keeps_its_key_and_moves_its_service()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var ideas = await ModuleLibraryApi.FindAsync(designer, "ideas", City);
        var showcase = await ModuleLibraryApi.FindAsync(designer, "innovation-showcase", City);
        var answer = await ModuleLibraryApi.PublishTemplateAsync(designer, ideas, "1.1.0", p =>
            FieldOf(p, "proposal")["label"]!["zh-CN"] = "具体做法");

        var upgraded = ModuleLibraryApi.Entry(answer, "upgraded", showcase);
        Assert.NotEmpty(upgraded["servicesMoved"]!.AsArray());
        var preview = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{showcase["id"]}/preview"));
        Assert.Equal("innovation-showcase", (string?)preview["module"]!["id"]);
        Assert.Equal("具体做法", (string?)FieldOf(preview["module"]!.AsObject(), "proposal")["label"]!["zh-CN"]);
        Assert.NotNull(FieldOf(preview["module"]!.AsObject(), "resultsAchieved"));
        var worker = await Api.CookieClientAsync(server, "worker");
        Assert.Equal((string?)upgraded["hash"], (string?)(await ServicesAsync(worker)).Single(s => (string?)s!["moduleKey"] == "innovation-showcase")!["snapshotHash"]);
    }

    private static JsonNode FieldOf(JsonObject module, string id) =>
        module["forms"]!.AsArray().SelectMany(f => f!["pages"]!.AsArray()).SelectMany(p => p!["sections"]!.AsArray())
            .SelectMany(s => s!["fields"]!.AsArray()).Single(f => (string?)f!["id"] == id)!;
}

public sealed class SqliteKeyedDerivationTests(SqliteCaseServer server) : KeyedDerivationTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresKeyedDerivationTests(PostgresCaseServer server) : KeyedDerivationTests(server), IClassFixture<PostgresCaseServer>;
