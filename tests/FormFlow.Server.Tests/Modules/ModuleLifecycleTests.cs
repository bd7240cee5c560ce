using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Modules;

/// <summary>
/// Creating a module from a template or blank, duplicating, archiving — through the API on the demo data, with the
/// refusals a designer or a district admin would meet.
/// </summary>
public abstract class ModuleLifecycleTests(ServerFixture server)
{
    private readonly ServerFixture _server = server;

    private Task<int> OrgIdAsync(string name) => ModuleLibraryApi.OrgIdAsync(_server, name);

    private async Task<(int Modules, int Audit)> CountsAsync()
    {
        await using var db = _server.OpenDb();
        return (await db.Modules.CountAsync(), await db.AuditEntries.CountAsync());
    }

    private static async Task<JsonArray> ListAsync(HttpClient client, bool archived = false) =>
        JsonNode.Parse(await client.GetStringAsync(archived ? "/api/modules?archived=true" : "/api/modules"))!.AsArray();

    [Fact]
    public async Task A_designer_starts_a_new_draft_template_from_a_published_template_and_from_blank()
    {
        var designer = await Api.BearerClientAsync(_server, "designer");
        var city = await OrgIdAsync("某市总工会");
        var legal = await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "某市总工会");
        var created = await designer.PostAsJsonAsync("/api/modules", new
        {
            moduleKey = "legal-aid", name = new Dictionary<string, string> { ["zh-CN"] = "法律援助预约" }, ownerOrgId = city, fromModuleId = (int)legal["id"]!,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var module = await Api.JsonAsync(created);
        Assert.Equal("legal-aid", (string?)module["key"]);
        Assert.Equal("法律援助预约", (string?)module["name"]!["zh-CN"]);
        Assert.Equal("template", (string?)module["kind"]);
        Assert.Equal("legal", (string?)module["category"]);           // the source's, as none was given
        Assert.Equal(city, module["ownerOrgId"]!.GetValue<int>());
        Assert.Null(module["parentModuleId"]);
        Assert.Null(module["latestVersion"]);                            // a draft, not published
        Assert.True((bool)module["draft"]!);

        var draft = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{module["id"]}/draft"));
        var source = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{legal["id"]}/versions/1.0.0"));
        Assert.Equal("legal-aid", (string?)draft["id"]);
        Assert.Equal("1.0.0", (string?)draft["version"]);
        Assert.Equal(source["workflow"]!.ToJsonString(), draft["workflow"]!.ToJsonString());
        Assert.Equal(source["forms"]!.ToJsonString(), draft["forms"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, (await designer.PostAsync($"/api/modules/{module["id"]}/publish", null)).StatusCode);
        // the template it came from is untouched and the new one is listed beside it
        Assert.Equal("法律咨询", (string?)(await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "某市总工会"))["name"]!["zh-CN"]);
        Assert.Contains(await ListAsync(designer), m => (string?)m!["key"] == "legal-aid");

        var blank = await designer.PostAsJsonAsync("/api/modules", new { moduleKey = "blank-start", name = "空白服务", category = "other", ownerOrgId = city });
        Assert.Equal(HttpStatusCode.Created, blank.StatusCode);
        var blankId = (await Api.JsonAsync(blank))["id"];
        var preview = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{blankId}/preview"));
        Assert.Empty(preview["soundness"]!.AsArray());
        Assert.Equal(["start", "end"], preview["module"]!["workflow"]!["activities"]!.AsArray().Select(a => (string?)a!["id"]));
        Assert.Single(preview["module"]!["forms"]!.AsArray());
        Assert.Equal(HttpStatusCode.Created, (await designer.PostAsync($"/api/modules/{blankId}/publish", null)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_and_foreign_orgs_are_refused_naming_the_field_and_change_nothing()
    {
        var designer = await Api.BearerClientAsync(_server, "designer");
        var admin = await Api.BearerClientAsync(_server, "district-admin");
        var worker = await Api.BearerClientAsync(_server, "worker"); // signing in is audited: before the counts
        var city = await OrgIdAsync("某市总工会");
        var dongcheng = await OrgIdAsync("东城区总工会");
        var legal = (int)(await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "某市总工会"))["id"]!;
        var derived = (int)(await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "东城区总工会"))["id"]!;
        var before = await CountsAsync();

        async Task Refused(HttpClient client, object body, HttpStatusCode status, string field)
        {
            var problem = await Api.ProblemAsync(await client.PostAsJsonAsync("/api/modules", body), status);
            Assert.True((string?)problem["field"] == field, $"{field}: {problem.ToJsonString()}");
            Assert.StartsWith($"{field}:", (string?)problem["detail"]);
        }

        var zh = new Dictionary<string, string> { ["zh-CN"] = "新服务" };
        await Refused(designer, new { moduleKey = "join", name = zh, ownerOrgId = city, fromModuleId = legal }, HttpStatusCode.Conflict, "moduleKey");
        await Refused(designer, new { moduleKey = "9lives", name = zh, ownerOrgId = city, fromModuleId = legal }, HttpStatusCode.UnprocessableEntity, "moduleKey");
        await Refused(designer, new { name = zh, ownerOrgId = city, fromModuleId = legal }, HttpStatusCode.UnprocessableEntity, "moduleKey");
        await Refused(designer, new { moduleKey = "fresh", name = new Dictionary<string, string> { ["zh-CN"] = "  " }, ownerOrgId = city, fromModuleId = legal },
            HttpStatusCode.UnprocessableEntity, "name");
        await Refused(designer, new { moduleKey = "fresh", ownerOrgId = city, fromModuleId = legal }, HttpStatusCode.UnprocessableEntity, "name");
        await Refused(designer, new { moduleKey = "fresh", name = zh, ownerOrgId = city, fromModuleId = 999999 }, HttpStatusCode.UnprocessableEntity, "fromModuleId");
        await Refused(designer, new { moduleKey = "fresh", name = zh, ownerOrgId = city, fromModuleId = derived }, HttpStatusCode.UnprocessableEntity, "fromModuleId");
        await Refused(designer, new { moduleKey = "fresh", name = zh, ownerOrgId = city, fromModuleId = legal, fromVersion = "9.9.9" },
            HttpStatusCode.UnprocessableEntity, "fromVersion");
        await Refused(designer, new { moduleKey = "fresh", name = zh, ownerOrgId = 999999, fromModuleId = legal }, HttpStatusCode.UnprocessableEntity, "ownerOrgId");
        await Refused(designer, new { moduleKey = "fresh", name = zh, fromModuleId = legal }, HttpStatusCode.UnprocessableEntity, "ownerOrgId");
        await Refused(designer, new { moduleKey = "fresh", name = zh, ownerOrgId = city }, HttpStatusCode.UnprocessableEntity, "category");
        // a district admin composes no templates: not at another district's org, nor at its own
        await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/modules", new { moduleKey = "fresh", name = zh, ownerOrgId = await OrgIdAsync("西湖区总工会"), fromModuleId = legal }),
            HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/modules", new { moduleKey = "fresh", name = zh, ownerOrgId = dongcheng, fromModuleId = legal }),
            HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await worker.PostAsJsonAsync("/api/modules", new { moduleKey = "fresh", name = zh, ownerOrgId = city }), HttpStatusCode.Forbidden);

        // duplicates
        async Task<JsonObject> Duplicate(HttpClient client, int id, object body, HttpStatusCode status) =>
            await Api.ProblemAsync(await client.PostAsJsonAsync($"/api/modules/{id}/duplicate", body), status);
        Assert.Equal("moduleKey", (string?)(await Duplicate(designer, legal, new { moduleKey = "benefits", name = zh, ownerOrgId = city }, HttpStatusCode.Conflict))["field"]);
        Assert.Equal("name", (string?)(await Duplicate(designer, legal, new { moduleKey = "fresh", ownerOrgId = city }, HttpStatusCode.UnprocessableEntity))["field"]);
        Assert.Equal("moduleKey", (string?)(await Duplicate(admin, derived, new { moduleKey = "other", name = zh, ownerOrgId = await OrgIdAsync("和平街道总工会") },
            HttpStatusCode.UnprocessableEntity))["field"]);
        Assert.Equal("ownerOrgId", (string?)(await Duplicate(admin, derived, new { name = zh, ownerOrgId = dongcheng }, HttpStatusCode.Conflict))["field"]);
        await Duplicate(admin, derived, new { name = zh, ownerOrgId = await OrgIdAsync("北山街道总工会") }, HttpStatusCode.Forbidden);   // another district's street
        await Duplicate(admin, legal, new { moduleKey = "fresh", name = zh, ownerOrgId = dongcheng }, HttpStatusCode.Forbidden);             // templates are for designers
        var xihuJoin = (int)(await ModuleLibraryApi.FindAsync(designer, "join", "西湖区总工会"))["id"]!;
        await Duplicate(admin, xihuJoin, new { name = zh, ownerOrgId = dongcheng }, HttpStatusCode.NotFound);                              // not visible: no leak
        await Duplicate(designer, 999999, new { moduleKey = "fresh", name = zh, ownerOrgId = city }, HttpStatusCode.NotFound);

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_duplicate_copies_a_template_draft_under_a_new_id_and_keeps_a_derived_module_on_its_parent()
    {
        var designer = await Api.BearerClientAsync(_server, "designer");
        var city = await OrgIdAsync("某市总工会");
        var join = await ModuleLibraryApi.FindAsync(designer, "join", "某市总工会");
        var copy = await designer.PostAsJsonAsync($"/api/modules/{join["id"]}/duplicate", new { moduleKey = "join-copy", name = new Dictionary<string, string> { ["zh-CN"] = "入会申请（副本）" }, ownerOrgId = city });
        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        var copied = await Api.JsonAsync(copy);
        Assert.Equal(("join-copy", "template", "入会申请（副本）"), ((string?)copied["key"], (string?)copied["kind"], (string?)copied["name"]!["zh-CN"]));
        Assert.Null(copied["parentModuleId"]);
        var original = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{join["id"]}/draft"));
        var draft = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{copied["id"]}/draft"));
        Assert.Equal(original["forms"]!.ToJsonString(), draft["forms"]!.ToJsonString());
        Assert.Equal(original["locks"]!.ToJsonString(), draft["locks"]!.ToJsonString());

        var admin = await Api.BearerClientAsync(_server, "district-admin");
        var dongchengLegal = await ModuleLibraryApi.FindAsync(admin, "legal-consultation", "东城区总工会");
        var street = await OrgIdAsync("和平街道总工会");
        var duplicated = await admin.PostAsJsonAsync($"/api/modules/{dongchengLegal["id"]}/duplicate",
            new { name = new Dictionary<string, string> { ["zh-CN"] = "和平街道法律咨询" }, ownerOrgId = street });
        Assert.Equal(HttpStatusCode.Created, duplicated.StatusCode);
        var derived = await Api.JsonAsync(duplicated);
        Assert.Equal("derived", (string?)derived["kind"]);
        Assert.Equal("legal-consultation", (string?)derived["key"]);
        Assert.Equal("street", (string?)derived["level"]);
        Assert.Equal(dongchengLegal["parentModuleId"]!.GetValue<int>(), derived["parentModuleId"]!.GetValue<int>());
        var sourceOverlay = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{dongchengLegal["id"]}/overlay"));
        var overlay = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{derived["id"]}/overlay"));
        Assert.NotEmpty(overlay["operations"]!.AsArray());
        Assert.Equal(sourceOverlay["operations"]!.ToJsonString(), overlay["operations"]!.ToJsonString());
        Assert.Equal(sourceOverlay["basedOn"]!.ToJsonString(), overlay["basedOn"]!.ToJsonString());
        var preview = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{derived["id"]}/preview"));
        Assert.Contains(preview["module"]!["workflow"]!["activities"]!.AsArray(), a => (string?)a!["id"] == "qualityCheck"); // 东城区's step came along
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/modules/{derived["id"]}/publish", null)).StatusCode);
    }

    [Fact]
    public async Task An_archived_module_leaves_the_default_list_is_neither_derived_nor_activated_and_its_running_service_goes_on()
    {
        var designer = await Api.BearerClientAsync(_server, "designer");
        var admin = await Api.BearerClientAsync(_server, "district-admin");
        var dongcheng = await OrgIdAsync("东城区总工会");
        var cityBenefits = await ModuleLibraryApi.FindAsync(designer, "benefits", "某市总工会");
        var dongchengJoin = await ModuleLibraryApi.FindAsync(admin, "join", "东城区总工会");

        // only an admin over the owner (or the module's editor) archives: 东城区's admin cannot archive the city's template
        await Api.ProblemAsync(await admin.PostAsync($"/api/modules/{cityBenefits["id"]}/archive", null), HttpStatusCode.Forbidden);
        var xihuJoin = await ModuleLibraryApi.FindAsync(designer, "join", "西湖区总工会");
        await Api.ProblemAsync(await admin.PostAsync($"/api/modules/{xihuJoin["id"]}/archive", null), HttpStatusCode.NotFound);
        Assert.False((bool)(await ModuleLibraryApi.FindAsync(designer, "benefits", "某市总工会"))["archived"]!);

        var archived = await Api.JsonAsync(await designer.PostAsync($"/api/modules/{cityBenefits["id"]}/archive", null));
        Assert.True((bool)archived["archived"]!);
        await Api.ProblemAsync(await designer.PostAsync($"/api/modules/{cityBenefits["id"]}/archive", null), HttpStatusCode.Conflict);
        Assert.DoesNotContain(await ListAsync(designer), m => (int)m!["id"]! == (int)cityBenefits["id"]!);
        Assert.Contains(await ListAsync(designer, archived: true), m => (int)m!["id"]! == (int)cityBenefits["id"]! && (bool)m["archived"]!);

        var derive = await Api.ProblemAsync(await admin.PostAsJsonAsync($"/api/modules/{cityBenefits["id"]}/derive", new { orgUnitId = dongcheng }), HttpStatusCode.Conflict);
        Assert.Contains("archived", Api.Text(derive));
        var activate = await Api.ProblemAsync(await designer.PostAsJsonAsync($"/api/modules/{cityBenefits["id"]}/activate",
            new { orgUnitId = await OrgIdAsync("某市总工会") }), HttpStatusCode.Conflict);
        Assert.Contains("archived", Api.Text(activate));
        // copying from it is fine
        var copy = await designer.PostAsJsonAsync($"/api/modules/{cityBenefits["id"]}/duplicate",
            new { moduleKey = "benefits-next", name = new Dictionary<string, string> { ["zh-CN"] = "普惠服务（新）" }, ownerOrgId = await OrgIdAsync("某市总工会") });
        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);

        // 东城区's admin archives its own join; the service it runs stays offered to its workers
        Assert.True((bool)(await Api.JsonAsync(await admin.PostAsync($"/api/modules/{dongchengJoin["id"]}/archive", null)))["archived"]!);
        var worker = await Api.BearerClientAsync(_server, "worker");
        var services = JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray();
        Assert.Equal("东城区总工会", (string?)services.Single(s => (string?)s!["moduleKey"] == "join")!["orgName"]);
        await Api.ProblemAsync(await admin.PostAsJsonAsync($"/api/modules/{dongchengJoin["id"]}/activate", new { orgUnitId = dongcheng }), HttpStatusCode.Conflict);

        var back = await Api.JsonAsync(await admin.PostAsync($"/api/modules/{dongchengJoin["id"]}/unarchive", null));
        Assert.False((bool)back["archived"]!);
        Assert.Contains(await ListAsync(admin), m => (int)m!["id"]! == (int)dongchengJoin["id"]!);
        await Api.ProblemAsync(await admin.PostAsync($"/api/modules/{dongchengJoin["id"]}/unarchive", null), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/modules/{dongchengJoin["id"]}/activate", new { orgUnitId = dongcheng })).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_new_operations()
    {
        var document = await _server.CreateClient().GetStringAsync("/openapi/v1.json");
        var paths = JsonNode.Parse(document)!["paths"]!.AsObject();
        Assert.NotNull((paths["/api/modules"] ?? paths["/api/modules/"])!["post"]);
        Assert.NotNull(paths["/api/modules/{id}/duplicate"]!["post"]);
        Assert.NotNull(paths["/api/modules/{id}/archive"]!["post"]);
        Assert.NotNull(paths["/api/modules/{id}/unarchive"]!["post"]);
    }
}

public sealed class SqliteModuleLifecycleTests(SqliteServer server) : ModuleLifecycleTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresModuleLifecycleTests(PostgresServer server) : ModuleLifecycleTests(server), IClassFixture<PostgresServer>;
