using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Modules;

/// <summary>
/// The module library through the API on the demo data: the city's three templates, 东城区's customised join and
/// legal consultation, 西湖区's customised join and benefits (all published and activated by demo seeding).
/// </summary>
public abstract class ModuleLibraryTests(ServerFixture server)
{
    protected readonly ServerFixture Server = server;

    internal Task<int> OrgIdAsync(string name) => ModuleLibraryApi.OrgIdAsync(Server, name);

    [Fact]
    public async Task Each_role_sees_the_modules_of_its_subtree_and_the_templates_above_it()
    {
        var designer = await Api.BearerClientAsync(Server, "designer");
        var all = await ModuleLibraryApi.ListAsync(designer);
        var owners = all.Select(m => $"{m!["ownerOrgName"]}/{m["key"]}/{m["kind"]}").ToList();
        Assert.Contains("某市总工会/join/template", owners);
        Assert.Contains("某市总工会/benefits/template", owners);
        Assert.Contains("某市总工会/legal-consultation/template", owners);
        Assert.Contains("东城区总工会/join/derived", owners);
        Assert.Contains("东城区总工会/legal-consultation/derived", owners);
        Assert.Contains("西湖区总工会/join/derived", owners);
        Assert.Contains("西湖区总工会/benefits/derived", owners);
        var cityJoin = all.Single(m => (string?)m!["key"] == "join" && (string?)m["kind"] == "template")!;
        Assert.Equal("city", (string?)cityJoin["level"]);
        Assert.Equal("入会申请", (string?)cityJoin["name"]!["zh-CN"]);
        var versions = (await Api.JsonAsync(await designer.GetAsync($"/api/modules/{cityJoin["id"]}")))["versions"]!.AsArray();
        Assert.Equal("1.0.0", (string?)versions[0]!["version"]);

        var admin = await Api.BearerClientAsync(Server, "district-admin");
        var mine = (await ModuleLibraryApi.ListAsync(admin)).Select(m => $"{m!["ownerOrgName"]}/{m["key"]}").ToList();
        Assert.Contains("某市总工会/join", mine);            // a template above: derivable
        Assert.Contains("东城区总工会/join", mine);
        Assert.DoesNotContain("西湖区总工会/join", mine);     // another district's module
        var xihuJoin = all.Single(m => (string?)m!["key"] == "join" && (string?)m["ownerOrgName"] == "西湖区总工会")!;
        await Api.ProblemAsync(await admin.GetAsync($"/api/modules/{xihuJoin["id"]}"), HttpStatusCode.NotFound);

        var worker = await Api.BearerClientAsync(Server, "worker");
        await Api.ProblemAsync(await worker.GetAsync("/api/modules"), HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await Server.CreateClient().GetAsync("/api/modules"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Two_districts_run_differently_customised_snapshots_of_one_template()
    {
        var designer = await Api.BearerClientAsync(Server, "designer");
        var dongcheng = await ModuleLibraryApi.FindAsync(designer, "join", "东城区总工会");
        var xihu = await ModuleLibraryApi.FindAsync(designer, "join", "西湖区总工会");
        var a = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{dongcheng["id"]}/preview"));
        var b = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{xihu["id"]}/preview"));
        Assert.NotEqual((string?)a["hash"], (string?)b["hash"]);
        Assert.Empty(a["soundness"]!.AsArray());
        Assert.Contains("parkName", a["module"]!.ToJsonString());
        Assert.DoesNotContain("parkName", b["module"]!.ToJsonString());
        Assert.True((bool)b["provenance"]!["email"]![""]!["hidden"]!);
        Assert.Equal("西湖区总工会", (string?)b["provenance"]!["review"]!["/inputs/title"]!["name"]);

        // each district's service is its own snapshot; the worker in 东城区 gets 东城区's join
        var worker = await Api.BearerClientAsync(Server, "worker");
        var services = JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray();
        var join = services.Single(s => (string?)s!["moduleKey"] == "join")!;
        Assert.Equal("东城区总工会", (string?)join["orgName"]);

        var detail = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{dongcheng["id"]}"));
        var version = detail["versions"]![0]!;
        Assert.Equal("1", (string?)version["version"]);
        Assert.Equal("system", (string?)version["publishedBy"]);
    }

    [Fact]
    public async Task A_street_override_inside_the_city_bounds_is_accepted_and_outside_refused_naming_the_lock()
    {
        var admin = await Api.BearerClientAsync(Server, "district-admin");
        var dongchengLegal = await ModuleLibraryApi.FindAsync(admin, "legal-consultation", "东城区总工会");
        var street = await OrgIdAsync("建设街道总工会");
        var derived = await admin.PostAsJsonAsync($"/api/modules/{dongchengLegal["id"]}/derive", new { orgUnitId = street });
        Assert.Equal(HttpStatusCode.Created, derived.StatusCode);
        var module = await Api.JsonAsync(derived);
        Assert.Equal("derived", (string?)module["kind"]);
        Assert.Equal("street", (string?)module["level"]);
        var overlay = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{module["id"]}/overlay"));
        Assert.Empty(overlay["operations"]!.AsArray());
        Assert.Equal(dongchengLegal["id"]!.GetValue<int>(), overlay["basedOn"]!["moduleId"]!.GetValue<int>());

        // 东城区 set 3 days; the city allows 3–10
        var tooLong = await admin.PutAsJsonAsync($"/api/modules/{module["id"]}/overlay", new
        {
            operations = new[] { new { op = "set", element = "lawyerDeadlineDays", path = "/value", value = 12, was = 3 } },
        });
        var problem = await Api.ProblemAsync(tooLong, HttpStatusCode.UnprocessableEntity);
        var error = problem["errors"]![0]!;
        Assert.Equal("lawyerDeadlineDays", (string?)error["element"]);
        Assert.Equal("/value", (string?)error["property"]);
        Assert.Equal("某市总工会", (string?)error["lockedBy"]!["orgName"]);
        Assert.Equal("city", (string?)error["lockedBy"]!["level"]);
        Assert.Equal(await OrgIdAsync("某市总工会"), error["lockedBy"]!["orgUnitId"]!.GetValue<int>());
        Assert.Contains("12 is outside the locked bounds 3–10", (string?)error["reason"]);
        Assert.Empty((await Api.JsonAsync(await admin.GetAsync($"/api/modules/{module["id"]}/overlay")))["operations"]!.AsArray()); // nothing changed

        var inside = await admin.PutAsJsonAsync($"/api/modules/{module["id"]}/overlay", new
        {
            operations = new[] { new { op = "set", element = "lawyerDeadlineDays", path = "/value", value = 8, was = 3 } },
        });
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        var preview = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{module["id"]}/preview"));
        var lawyer = preview["module"]!["workflow"]!["activities"]!.AsArray().Single(x => (string?)x!["id"] == "lawyerAnswer")!;
        Assert.Equal(8, lawyer["inputs"]!["deadlineDays"]!.GetValue<int>());
        Assert.Equal("建设街道总工会", (string?)preview["provenance"]!["lawyerDeadlineDays"]!["/value"]!["name"]);
        // 东城区's quality check step came along from the district
        Assert.Contains(preview["module"]!["workflow"]!["activities"]!.AsArray(), x => (string?)x!["id"] == "qualityCheck");

        var published = await admin.PostAsync($"/api/modules/{module["id"]}/publish", null);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal((string?)preview["hash"], (string?)(await Api.JsonAsync(published))["hash"]);
        await Api.ProblemAsync(await admin.PostAsync($"/api/modules/{module["id"]}/publish", null), HttpStatusCode.Conflict); // nothing changed
        var activated = await admin.PostAsJsonAsync($"/api/modules/{module["id"]}/activate", new { orgUnitId = street });
        Assert.Equal(HttpStatusCode.Created, activated.StatusCode);
    }

    [Fact]
    public async Task A_city_upgrade_reaches_both_districts_with_their_changes_and_the_one_real_conflict()
    {
        var designer = await Api.BearerClientAsync(Server, "designer");
        var cityJoin = await ModuleLibraryApi.FindAsync(designer, "join", "某市总工会");
        var package = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{cityJoin["id"]}/draft"));
        package["version"] = "2.0.0";
        package["settings"]!["streetDeadlineDays"]!["value"] = 12;
        package["locks"]!.AsArray().Add(JsonNode.Parse("""{"element": "mobile", "kind": "properties", "properties": ["label"], "reason": "全市统一手机号码栏目名称"}"""));
        Assert.Equal(HttpStatusCode.OK, (await designer.PutAsJsonAsync($"/api/modules/{cityJoin["id"]}/draft", package)).StatusCode);
        var v2 = await designer.PostAsync($"/api/modules/{cityJoin["id"]}/publish", null);
        Assert.Equal(HttpStatusCode.Created, v2.StatusCode);
        var published = await Api.JsonAsync(v2);
        Assert.Equal("2.0.0", (string?)published["version"]);

        // 西湖区: nothing of its own collides, so the upgrade applied and published on its own
        var xihu = await ModuleLibraryApi.FindAsync(designer, "join", "西湖区总工会");
        Assert.False((bool)xihu["upgradeAvailable"]!);
        var xihuUpgrade = published["upgraded"]!.AsArray().Single(u => u!["moduleId"]!.GetValue<int>() == xihu["id"]!.GetValue<int>())!;
        Assert.Equal(("2.0.0", "2"), ((string?)xihuUpgrade["to"], (string?)xihuUpgrade["version"]));
        Assert.Equal("2", (string?)xihu["latestVersion"]);
        var xihuPreview = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{xihu["id"]}/preview"));
        var activities = xihuPreview["module"]!["workflow"]!["activities"]!.AsArray();
        Assert.Equal(12, activities.Single(a => (string?)a!["id"] == "streetReview")!["inputs"]!["deadlineDays"]!.GetValue<int>());
        Assert.StartsWith("审核入会申请（朝阳区", (string?)activities.Single(a => (string?)a!["id"] == "review")!["inputs"]!["title"]);

        // 东城区 changed the mobile label, which the city now locks: the one real conflict, left for the district to settle
        var admin = await Api.BearerClientAsync(Server, "district-admin");
        var dongcheng = await ModuleLibraryApi.FindAsync(admin, "join", "东城区总工会");
        Assert.True((bool)dongcheng["upgradeAvailable"]!);
        var waiting = published["waiting"]!.AsArray().Single(u => u!["moduleId"]!.GetValue<int>() == dongcheng["id"]!.GetValue<int>())!;
        Assert.Equal(["lockedUpstream at /mobile/label/zh-CN"], waiting["conflicts"]!.AsArray().Select(c => (string?)c));
        var upgrade = await Api.JsonAsync(await admin.PostAsync($"/api/modules/{dongcheng["id"]}/upgrade", null));
        var conflict = Assert.Single(upgrade["conflicts"]!.AsArray())!;
        Assert.Equal("lockedUpstream", (string?)conflict["kind"]);
        Assert.Equal("/mobile/label/zh-CN", (string?)conflict["path"]);
        Assert.Equal("手机号码", (string?)conflict["base"]);
        Assert.Equal("手机号码（接收审核短信）", (string?)conflict["child"]);
        Assert.Equal("某市总工会", (string?)conflict["lockedBy"]!["name"]);
        Assert.True((bool)conflict["blocking"]!);
        Assert.False((bool)upgrade["finished"]!);

        var blocked = await Api.ProblemAsync(await admin.PostAsync($"/api/modules/{dongcheng["id"]}/publish", null), HttpStatusCode.Conflict);
        Assert.Contains("lockedUpstream at /mobile/label/zh-CN", Api.Text(blocked));
        var keep = await admin.PostAsJsonAsync($"/api/modules/{dongcheng["id"]}/upgrade/resolve", new { conflictId = (string?)conflict["id"], choice = "keepMine" });
        Assert.Contains("cannot be kept", Api.Text(await Api.ProblemAsync(keep, HttpStatusCode.UnprocessableEntity)));

        var settled = await Api.JsonAsync(await admin.PostAsJsonAsync($"/api/modules/{dongcheng["id"]}/upgrade/resolve",
            new { conflictId = (string?)conflict["id"], choice = "takeParent" }));
        Assert.Empty(settled["conflicts"]!.AsArray());
        Assert.True((bool)settled["finished"]!);
        var log = settled["overlay"]!["log"]!.AsArray();
        Assert.Equal("takeParent", (string?)log[^1]!["choice"]);
        Assert.Equal("district-admin", (string?)log[^1]!["by"]);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/modules/{dongcheng["id"]}/publish", null)).StatusCode);
        var preview = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{dongcheng["id"]}/preview"));
        var text = preview["module"]!.ToJsonString();
        Assert.Contains("parkName", text);                                  // 东城区's own changes survive
        Assert.Contains("haidianOrientation", text);
        var review = preview["module"]!["workflow"]!["activities"]!.AsArray().Single(a => (string?)a!["id"] == "review")!;
        Assert.Equal(10, review["inputs"]!["deadlineDays"]!.GetValue<int>());
        Assert.Equal("某市总工会", (string?)preview["provenance"]!["mobile"]!["/label"]!["name"]);
        var activated = await admin.PostAsJsonAsync($"/api/modules/{dongcheng["id"]}/activate", new { orgUnitId = await OrgIdAsync("东城区总工会") });
        Assert.Equal(HttpStatusCode.Created, activated.StatusCode);

        await using var db = Server.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "module.conflictResolved" && e.Actor == "district-admin"));
    }

    [Fact]
    public async Task Roles_outside_their_reach_are_refused()
    {
        var admin = await Api.BearerClientAsync(Server, "district-admin");
        var cityLegal = await ModuleLibraryApi.FindAsync(admin, "legal-consultation", "某市总工会");
        var draft = await admin.GetAsync($"/api/modules/{cityLegal["id"]}/draft");
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode); // reading a template above is fine
        var edit = await admin.PutAsJsonAsync($"/api/modules/{cityLegal["id"]}/draft", await Api.JsonAsync(draft));
        Assert.Contains("only a designer", Api.Text(await Api.ProblemAsync(edit, HttpStatusCode.Forbidden)));
        await Api.ProblemAsync(await admin.PostAsync($"/api/modules/{cityLegal["id"]}/publish", null), HttpStatusCode.Forbidden);
        var elsewhere = await admin.PostAsJsonAsync($"/api/modules/{cityLegal["id"]}/derive", new { orgUnitId = await OrgIdAsync("西湖区总工会") });
        await Api.ProblemAsync(elsewhere, HttpStatusCode.Forbidden);

        var reviewer = await Api.BearerClientAsync(Server, "reviewer");
        var dongcheng = await ModuleLibraryApi.FindAsync(reviewer, "join", "某市总工会");
        await Api.ProblemAsync(await reviewer.PostAsJsonAsync($"/api/modules/{dongcheng["id"]}/derive", new { orgUnitId = await OrgIdAsync("华兴电子有限公司工会") }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_input_gets_a_problem_naming_it_and_changes_nothing()
    {
        var designer = await Api.BearerClientAsync(Server, "designer");
        var xihuBenefits = await ModuleLibraryApi.FindAsync(designer, "benefits", "西湖区总工会");
        var before = await designer.GetStringAsync($"/api/modules/{xihuBenefits["id"]}/overlay");

        var unknownOp = await designer.PutAsJsonAsync($"/api/modules/{xihuBenefits["id"]}/overlay", new { operations = new[] { new { op = "unlock", element = "cardKey" } } });
        var problem = await Api.ProblemAsync(unknownOp, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem["errors"]!.AsArray(), e => (string?)e!["path"] == "/operations/0/op");
        var missing = await designer.PutAsJsonAsync($"/api/modules/{xihuBenefits["id"]}/overlay", new { operations = new[] { new { op = "hide", element = "noSuchField" } } });
        Assert.Contains("noSuchField", Api.Text(await Api.ProblemAsync(missing, HttpStatusCode.UnprocessableEntity)));
        var notRemovable = await designer.PutAsJsonAsync($"/api/modules/{xihuBenefits["id"]}/overlay", new { operations = new[] { new { op = "hide", element = "cardKey" } } });
        Assert.Equal("cardKey", (string?)(await Api.ProblemAsync(notRemovable, HttpStatusCode.UnprocessableEntity))["errors"]![0]!["element"]);
        Assert.Equal(before, await designer.GetStringAsync($"/api/modules/{xihuBenefits["id"]}/overlay"));

        await Api.ProblemAsync(await designer.PutAsync($"/api/modules/{xihuBenefits["id"]}/overlay", JsonContent.Create(new { })), HttpStatusCode.BadRequest);
        await Api.ProblemAsync(await designer.PostAsJsonAsync($"/api/modules/{xihuBenefits["id"]}/upgrade/resolve", new { conflictId = "x", choice = "maybe" }), HttpStatusCode.UnprocessableEntity);
        await Api.ProblemAsync(await designer.GetAsync("/api/modules/987654"), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await designer.PostAsJsonAsync($"/api/modules/{xihuBenefits["id"]}/activate", new { orgUnitId = await OrgIdAsync("东城区总工会") }), HttpStatusCode.UnprocessableEntity);
        await Api.ProblemAsync(await designer.PostAsJsonAsync($"/api/modules/{xihuBenefits["id"]}/migrations/dry-run", new { fromVersion = "1", toVersion = "9" }), HttpStatusCode.UnprocessableEntity);
        var badPlan = await designer.PostAsJsonAsync($"/api/modules/{xihuBenefits["id"]}/migrations/dry-run", new { fromVersion = "1", toVersion = "1", plan = new { defaults = new[] { 1 } } });
        Assert.Contains("plan/defaults must be an object", Api.Text(await Api.ProblemAsync(badPlan, HttpStatusCode.UnprocessableEntity)));
        var unknownStep = await designer.PostAsJsonAsync($"/api/modules/{xihuBenefits["id"]}/migrations/dry-run", new { fromVersion = "1", toVersion = "1", plan = new { steps = new { nope = "verifyCard" } } });
        Assert.Contains("/plan/steps/nope", (await Api.ProblemAsync(unknownStep, HttpStatusCode.UnprocessableEntity))["errors"]![0]!["path"]!.GetValue<string>());

        var cityBenefits = await ModuleLibraryApi.FindAsync(designer, "benefits", "某市总工会");
        var package = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{cityBenefits["id"]}/draft"));
        package["settings"]!["quotaPerYear"]!["value"] = 20;
        var unsound = await Api.ProblemAsync(await designer.PutAsJsonAsync($"/api/modules/{cityBenefits["id"]}/draft", package), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("quotaPerYear", Api.Text(unsound));
        await Api.ProblemAsync(await designer.PutAsync($"/api/modules/{cityBenefits["id"]}/draft", JsonContent.Create(new JsonArray())), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Studio_checks_expressions_workflows_and_elsa_imports_and_test_runs_a_draft()
    {
        var designer = await Api.BearerClientAsync(Server, "designer");
        var ok = await Api.JsonAsync(await designer.PostAsJsonAsync("/api/validate/expression", new { expression = "data.age >= 16", fields = new[] { "age" } }));
        Assert.True((bool)ok["ok"]!);
        var unknown = await Api.JsonAsync(await designer.PostAsJsonAsync("/api/validate/expression", new { expression = "data.agee >= 16", fields = new[] { "age" } }));
        Assert.False((bool)unknown["ok"]!);
        Assert.Contains("agee", (string?)unknown["errors"]![0]!["message"]);
        Assert.Equal(6, unknown["errors"]![0]!["position"]!["column"]!.GetValue<int>());
        var loop = await Api.JsonAsync(await designer.PostAsJsonAsync("/api/validate/expression", new { expression = "while (true) {}" }));
        Assert.Contains("loops are not allowed", (string?)loop["errors"]![0]!["message"]);
        var script = await Api.JsonAsync(await designer.PostAsJsonAsync("/api/validate/expression", new { expression = "setSummary('x');", kind = "script" }));
        Assert.True((bool)script["ok"]!, script.ToJsonString());
        await Api.ProblemAsync(await designer.PostAsJsonAsync("/api/validate/expression", new { expression = "1", kind = "sql" }), HttpStatusCode.UnprocessableEntity);

        var broken = JsonNode.Parse("""{"id": "w", "version": 1, "activities": [{"id": "start", "type": "start"}, {"id": "lost", "type": "end"}], "connections": []}""");
        var checkedFlow = await Api.JsonAsync(await designer.PostAsJsonAsync("/api/validate/workflow", new { workflow = broken }));
        Assert.Contains(checkedFlow["errors"]!.AsArray(), e => (string?)e!["activityId"] == "lost");

        var elsa = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.Path("samples/workflows/elsa/benefit-claim.elsa.json")));
        var imported = await Api.JsonAsync(await designer.PostAsJsonAsync("/api/import/elsa", new { json = elsa }));
        Assert.Contains(imported["activities"]!.AsArray(), a => (string?)a!["id"] == "HasQuota");
        await Api.ProblemAsync(await designer.PostAsJsonAsync("/api/import/elsa", new { json = new { root = new { type = "Elsa.Nope" } } }), HttpStatusCode.UnprocessableEntity);

        var legal = await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "某市总工会");
        var data = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.Path("samples/workflows/legal-question.json")));
        data!["answer"] = "建议先向劳动监察大队投诉，并保留考勤和工资条。";
        var run = await Api.JsonAsync(await designer.PostAsJsonAsync($"/api/modules/{legal["id"]}/test-run",
            new { data, outcomes = new Dictionary<string, string> { ["lawyerAnswer"] = "needMeeting", ["askFeedback"] = "timeout" } }));
        Assert.True((string?)run["status"] == "finished", run.ToJsonString());
        var visited = run["visited"]!.AsArray().Select(v => (string?)v).ToList();
        Assert.Contains("meeting", visited);
        Assert.Equal(["summarise", "closeCase", "end"], visited[^3..]);
        Assert.Equal("面谈，未评价", (string?)run["variables"]!["summary"]);
        Assert.Empty(run["generated"]!.AsArray());
    }

    [Fact]
    public async Task A_test_run_uses_the_typed_sample_data_and_names_missing_required_fields_unless_asked_to_fill_them()
    {
        var designer = await Api.BearerClientAsync(Server, "designer");
        var legal = await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "某市总工会");
        var url = $"/api/modules/{legal["id"]}/test-run";
        var data = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.Path("samples/workflows/legal-question.json")))!.AsObject();
        var outcomes = new Dictionary<string, string> { ["lawyerAnswer"] = "answered", ["askFeedback"] = "timeout" };

        // the lawyer's step must fill the answer, which the sample data lacks
        var noAnswer = await Api.ProblemAsync(await designer.PostAsJsonAsync(url, new { data, outcomes }), HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(noAnswer["errors"]!.AsArray())!;
        Assert.Equal(("/answer", "required", "lawyerAnswer"), ((string?)error["path"], (string?)error["rule"], (string?)error["step"]));

        // the start form's own checks apply to the sample data: a missing contact name and a bad mobile are named
        var broken = (JsonObject)data.DeepClone();
        broken.Remove("contactName");
        broken["contactMobile"] = "12345";
        var start = await Api.ProblemAsync(await designer.PostAsJsonAsync(url, new { data = broken, outcomes }), HttpStatusCode.UnprocessableEntity);
        var paths = start["errors"]!.AsArray().Select(e => ((string?)e!["path"], (string?)e["step"])).ToList();
        Assert.Contains(("/contactName", "start"), paths);
        Assert.Contains(("/contactMobile", "start"), paths);

        // asked to, the run fills what is missing with values valid for each field and says which
        var missing = (JsonObject)data.DeepClone();
        missing.Remove("contactName");
        var filled = await Api.JsonAsync(await designer.PostAsJsonAsync(url, new { data = missing, outcomes, fillMissing = true }));
        Assert.Equal("finished", (string?)filled["status"]);
        var generated = filled["generated"]!.AsArray().Select(g => ((string?)g!["step"], (string?)g["path"])).ToList();
        Assert.Equal([("start", "/contactName"), ("lawyerAnswer", "/answer")], generated);
        Assert.All(filled["generated"]!.AsArray(), g => Assert.False(string.IsNullOrEmpty((string?)g!["value"])));
        // what the designer typed wrong is not papered over
        var wrong = await Api.ProblemAsync(await designer.PostAsJsonAsync(url, new { data = broken, outcomes, fillMissing = true }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["/contactMobile"], wrong["errors"]!.AsArray().Select(e => (string?)e!["path"]));
    }
}

public sealed class SqliteModuleLibraryTests(SqliteServer server) : ModuleLibraryTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresModuleLibraryTests(PostgresServer server) : ModuleLibraryTests(server), IClassFixture<PostgresServer>;
