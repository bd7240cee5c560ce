using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Modules;

/// <summary>A case keeps the snapshot it started on when its district publishes a new version; a dry run lists it.</summary>
public abstract class CasesAcrossVersionsTests(ServerFixture server)
{
    private static JsonObject NameLabel(JsonObject form) =>
        form["pages"]!.AsArray().SelectMany(p => p!["sections"]!.AsArray()).SelectMany(s => s!["fields"]!.AsArray())
            .Single(f => (string?)f!["id"] == "name")!["label"]!.AsObject();

    [Fact]
    public async Task A_case_started_before_a_publish_runs_to_its_end_on_its_old_snapshot_and_form()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var service = JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray().Single(s => (string?)s!["moduleKey"] == "join")!;
        var data = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.Path("samples/forms/union-join/valid.json")))!;
        data["signature"] = await TestFiles.UploadPngAsync(worker);
        var submitted = await worker.PostAsJsonAsync($"/api/services/{service["id"]}/cases", new { data });
        var started = await Api.JsonAsync(submitted);
        var oldHash = (string)started["snapshotHash"]!;
        var second = await Api.JsonAsync(await worker.PostAsJsonAsync($"/api/services/{service["id"]}/cases", new { data }));
        Assert.Equal("姓名", (string?)NameLabel(started["form"]!.AsObject())["zh-CN"]);

        // 东城区 renames the name field and publishes; the new version serves new cases
        var admin = await Api.BearerClientAsync(server, "district-admin");
        var dongcheng = await ModuleLibraryApi.FindAsync(admin, "join", "东城区总工会");
        var overlay = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{dongcheng["id"]}/overlay"));
        var operations = overlay["operations"]!.AsArray();
        operations.Add(JsonNode.Parse("""{"op": "set", "element": "name", "path": "/label/zh-CN", "value": "姓名（与身份证一致）", "was": "姓名"}"""));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/modules/{dongcheng["id"]}/overlay", new { operations })).StatusCode);
        var before = (await Api.JsonAsync(await admin.GetAsync($"/api/modules/{dongcheng["id"]}")))["versions"]!.AsArray();
        var oldVersion = (string)before.Single(v => (string?)v!["hash"] == oldHash)!["version"]!;
        Assert.True(before.Single(v => (string?)v!["hash"] == oldHash)!["runningCases"]!.GetValue<int>() >= 1);
        var published = await Api.JsonAsync(await admin.PostAsync($"/api/modules/{dongcheng["id"]}/publish", null));
        var districtId = dongcheng["ownerOrgId"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/modules/{dongcheng["id"]}/activate", new { orgUnitId = districtId })).StatusCode);

        // the dry run lists the case as movable; nothing moves
        var dryRun = await Api.JsonAsync(await admin.PostAsJsonAsync($"/api/modules/{dongcheng["id"]}/migrations/dry-run",
            new { fromVersion = oldVersion, toVersion = (string)published["version"]! }));
        var movable = dryRun["movable"]!.AsArray().Select(c => c!["caseId"]!.GetValue<long>()).ToList();
        Assert.Contains(started["id"]!.GetValue<long>(), movable);
        Assert.Contains(second["id"]!.GetValue<long>(), movable);

        // the reviewer approves: the case ends on its old snapshot and still shows its old form
        var reviewer = await Api.BearerClientAsync(server, "reviewer");
        var task = (await Api.AllPagesAsync(reviewer, "/api/tasks"))
            .Single(t => t!["caseId"]!.GetValue<long>() == started["id"]!.GetValue<long>())!;
        var done = await reviewer.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "approve" });
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        var finished = await Api.JsonAsync(await worker.GetAsync($"/api/cases/{started["id"]}"));
        Assert.Equal("finished", (string?)finished["status"]);
        Assert.Equal(oldHash, (string?)finished["snapshotHash"]);
        Assert.Equal("姓名", (string?)NameLabel(finished["form"]!.AsObject())["zh-CN"]);

        // applying the migration now moves the case still running; it goes on, on the new snapshot
        var applied = await Api.JsonAsync(await admin.PostAsJsonAsync($"/api/modules/{dongcheng["id"]}/migrations/apply",
            new { fromVersion = oldVersion, toVersion = (string)published["version"]! }));
        Assert.Equal([second["id"]!.GetValue<long>()], applied["moved"]!.AsArray().Select(c => c!["caseId"]!.GetValue<long>()));
        var moved = await Api.JsonAsync(await worker.GetAsync($"/api/cases/{second["id"]}"));
        Assert.Equal((string)published["hash"]!, (string?)moved["snapshotHash"]);
        Assert.Equal("姓名（与身份证一致）", (string?)NameLabel(moved["form"]!.AsObject())["zh-CN"]);
        var secondTask = (await Api.AllPagesAsync(reviewer, "/api/tasks"))
            .Single(t => t!["caseId"]!.GetValue<long>() == second["id"]!.GetValue<long>())!;
        Assert.True((await reviewer.PostAsJsonAsync($"/api/tasks/{secondTask["id"]}/complete", new { outcome = "approve" })).IsSuccessStatusCode);
        Assert.Equal("finished", (string?)(await Api.JsonAsync(await worker.GetAsync($"/api/cases/{second["id"]}")))["status"]);

        // the retired service takes no new cases; the one activated now gives them the new snapshot
        await Api.ProblemAsync(await worker.PostAsJsonAsync($"/api/services/{service["id"]}/cases", new { data }), HttpStatusCode.NotFound);
        var current = JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray().Single(s => (string?)s!["moduleKey"] == "join")!;
        var fresh = await Api.JsonAsync(await worker.PostAsJsonAsync($"/api/services/{current["id"]}/cases", new { data }));
        Assert.Equal((string)published["hash"]!, (string?)fresh["snapshotHash"]);
        Assert.Equal("姓名（与身份证一致）", (string?)NameLabel(fresh["form"]!.AsObject())["zh-CN"]);
    }
}

public sealed class SqliteCasesAcrossVersionsTests(SqliteServer server) : CasesAcrossVersionsTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresCasesAcrossVersionsTests(PostgresServer server) : CasesAcrossVersionsTests(server), IClassFixture<PostgresServer>;
