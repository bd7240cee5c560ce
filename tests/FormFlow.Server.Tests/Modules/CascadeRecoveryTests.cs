using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Modules;
using FormFlow.Server.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Modules;

/// <summary>
/// The automatic upgrades after a publish survive the publishing process: its cascade is stored with the version, and
/// when the process dies before finishing it, a background pass (run by hand here, on the server's hand-moved clock)
/// finishes it once the dead process's claim has lapsed, in the publisher's name; running it again changes nothing.
/// (Cookie clients: sign-ins count on the server's clock.)
/// Each test works on its own module key (join, legal consultation, benefits), so their order does not matter.
/// </summary>
public abstract class CascadeRecoveryTests(CaseServer server)
{
    /// <summary>The product's default lease (Dispatcher:LeaseSeconds) and a second.</summary>
    private static readonly TimeSpan PastTheLease = TimeSpan.FromSeconds(16);

    private Task<int> RecoverAsync() => CrashedCascades.RecoverAsync(server);

    private Task PublishAndCrashAsync(JsonObject template, string by) => CrashedCascades.PublishAndCrashAsync(server, template, by);

    private Task LeaveAsCrashedAsync(JsonObject module) => CrashedCascades.LeaveAsCrashedAsync(server, module, server.Clock.GetUtcNow().UtcDateTime);

    /// <summary>The snapshot the module's live service at its owner runs.</summary>
    private static Task<string> ServiceSnapshotAsync(FormFlowDbContext db, JsonObject module) => db.ServiceActivations.AsNoTracking()
        .Where(a => a.ModuleKey == (string)module["key"]! && a.OrgUnitId == module["ownerOrgId"]!.GetValue<int>() && a.RetiredAt == null)
        .Select(a => a.SnapshotHash).SingleAsync();

    private static async Task<JsonObject> PreviewAsync(HttpClient client, JsonObject module) =>
        await Api.JsonAsync(await client.GetAsync($"/api/modules/{module["id"]}/preview"));

    [Fact]
    public async Task A_cascade_left_by_a_crashed_publisher_waits_out_its_claim_then_reaches_the_district_and_the_street()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var worker = await Api.CookieClientAsync(server, "worker");
        var city = await ModuleLibraryApi.FindAsync(designer, "join", "某市总工会");
        var district = await ModuleLibraryApi.FindAsync(admin, "join", "东城区总工会");
        var street = await ModuleLibraryApi.StreetModuleAsync(server, admin, district, "和平街道总工会",
            new { op = "set", element = "name", path = "/label/zh-CN", value = "姓名（与身份证一致）", was = "姓名" });
        var service = JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray().Single(s => (string?)s!["moduleKey"] == "join")!;
        Assert.Equal("和平街道总工会", (string?)service["orgName"]);

        await ModuleLibraryApi.DraftTemplateAsync(designer, city, "2.0.0", p => p["settings"]!["streetDeadlineDays"]!["value"] = 12);
        await PublishAndCrashAsync(city, "designer");

        // Published, but nothing below followed: the district shows the manual banner.
        Assert.Equal("2.0.0", (string?)(await ModuleLibraryApi.FindAsync(designer, "join", "某市总工会"))["latestVersion"]);
        var districtNow = await ModuleLibraryApi.FindAsync(admin, "join", "东城区总工会");
        Assert.True((bool)districtNow["upgradeAvailable"]!);
        Assert.Equal("1", (string?)districtNow["latestVersion"]);

        // While the claim holds (its process may be alive and running it), a pass leaves it alone.
        Assert.Equal(0, await RecoverAsync());
        Assert.Equal("1", (string?)(await ModuleLibraryApi.FindAsync(admin, "join", "东城区总工会"))["latestVersion"]);
        await using (var db = server.OpenDb())
            Assert.Equal(CrashedCascades.DeadProcess, Assert.Single(await CrashedCascades.CascadesAsync(db, city)).ClaimedBy);

        // Once it has lapsed, of two passes at once (two servers, say) exactly one runs it.
        server.Clock.Advance(PastTheLease);
        Assert.Equal(1, (await Task.WhenAll(RecoverAsync(), RecoverAsync())).Sum());

        districtNow = await ModuleLibraryApi.FindAsync(admin, "join", "东城区总工会");
        Assert.Equal(("2", false), ((string?)districtNow["latestVersion"], (bool)districtNow["upgradeAvailable"]!));
        var streetNow = await ModuleLibraryApi.FindAsync(admin, "join", "和平街道总工会");
        Assert.Equal(("2", false, false), ((string?)streetNow["latestVersion"], (bool)streetNow["upgradeAvailable"]!, (bool)streetNow["draft"]!));
        var versions = (await Api.JsonAsync(await admin.GetAsync($"/api/modules/{street["id"]}")))["versions"]!.AsArray();
        Assert.Equal("automatic upgrade (designer)", (string?)versions[^1]!["publishedBy"]);
        // the street's version carries the city's change and its own, and the worker's service runs it now
        var streetPreview = await PreviewAsync(admin, street);
        Assert.Equal(12, streetPreview["module"]!["workflow"]!["activities"]!.AsArray()
            .Single(a => (string?)a!["id"] == "streetReview")!["inputs"]!["deadlineDays"]!.GetValue<int>());
        var current = JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray().Single(s => (string?)s!["moduleKey"] == "join")!;
        Assert.NotEqual(service["id"]!.GetValue<int>(), current["id"]!.GetValue<int>());
        Assert.Equal((string?)streetPreview["hash"], (string?)current["snapshotHash"]);

        await using (var db = server.OpenDb())
        {
            Assert.Equal((string?)(await PreviewAsync(admin, district))["hash"], await ServiceSnapshotAsync(db, district));
            var cascade = Assert.Single(await CrashedCascades.CascadesAsync(db, city));
            Assert.NotNull(cascade.DoneAt);
            Assert.Equal(1, cascade.Attempts);
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "module.autoUpgraded" && e.Actor == "designer"
                && (e.Target == $"module:{district["id"]}" || e.Target == $"module:{street["id"]}")));
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "module.cascadeResumed" && e.Target == $"module:{city["id"]}"));
        }
        Assert.Equal(0, await RecoverAsync());
    }

    [Fact]
    public async Task A_publish_answers_with_its_report_and_running_its_cascade_again_changes_nothing()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var city = await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "某市总工会");
        var district = await ModuleLibraryApi.FindAsync(admin, "legal-consultation", "东城区总工会");
        var street = await ModuleLibraryApi.StreetModuleAsync(server, admin, district, "建设街道总工会",
            new { op = "set", element = "lawyerDeadlineDays", path = "/value", value = 8, was = 3 });
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/modules/{street["id"]}/settings", new { autoUpgrade = false })).StatusCode);

        var answer = await ModuleLibraryApi.PublishTemplateAsync(designer, city, "2.0.0",
            p => p["settings"]!["lawyerDeadlineDays"]!["label"]!["zh-CN"] = "区总工会律师答复期限（工作日，不含受理当日）");
        Assert.Equal("2.0.0", (string?)answer["version"]);
        Assert.StartsWith("sha256:", (string?)answer["hash"]);
        Assert.Equal("2", (string?)ModuleLibraryApi.Entry(answer, "upgraded", district)["version"]);
        var waiting = ModuleLibraryApi.Entry(answer, "waiting", street);
        Assert.Contains("off", (string?)waiting["reason"]);
        Assert.Equal("2", (string?)waiting["to"]);
        // nothing is left pending for a background pass
        await using (var db = server.OpenDb()) Assert.NotNull(Assert.Single(await CrashedCascades.CascadesAsync(db, city)).DoneAt);
        Assert.Equal(0, await RecoverAsync());

        var before = await StateAsync(admin);
        Assert.Equal(("2", false), before.District);
        Assert.Equal(("1", true), before.Street);

        // A crash after the cascade's last step but before its done mark: the next pass runs it all again, to no effect.
        await LeaveAsCrashedAsync(city);
        Assert.Equal(1, await RecoverAsync());
        Assert.Equal(before, await StateAsync(admin));
        await using (var db = server.OpenDb())
        {
            Assert.NotNull(Assert.Single(await CrashedCascades.CascadesAsync(db, city)).DoneAt);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "module.cascadeResumed" && e.Target == $"module:{city["id"]}"));
        }
    }

    /// <summary>What a user of the legal consultation modules sees, and what the library and the audit log hold.</summary>
    private sealed record LibraryState((string?, bool) District, (string?, bool) Street, int Versions, string LiveServices, string Audit);

    private async Task<LibraryState> StateAsync(HttpClient admin)
    {
        var district = await ModuleLibraryApi.FindAsync(admin, "legal-consultation", "东城区总工会");
        var street = await ModuleLibraryApi.FindAsync(admin, "legal-consultation", "建设街道总工会");
        await using var db = server.OpenDb();
        var live = await db.ServiceActivations.Where(a => a.RetiredAt == null).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var audit = await db.AuditEntries.Where(e => (e.Action.StartsWith("module.") && e.Action != "module.cascadeResumed") || e.Action == "service.activated")
            .GroupBy(e => e.Action).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return new(((string?)district["latestVersion"], (bool)district["upgradeAvailable"]!), ((string?)street["latestVersion"], (bool)street["upgradeAvailable"]!),
            await db.ModuleVersions.CountAsync(), string.Join(",", live), string.Join(",", audit.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Count}")));
    }

    [Fact]
    public async Task A_resumed_cascade_reaches_the_street_below_a_district_upgraded_before_the_crash()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var city = await ModuleLibraryApi.FindAsync(designer, "benefits", "某市总工会");
        var xihu = await ModuleLibraryApi.FindAsync(designer, "benefits", "西湖区总工会");
        var street = await ModuleLibraryApi.StreetModuleAsync(server, designer, xihu, "北山街道总工会",
            new { op = "set", element = "quotaPerYear", path = "/value", value = 5, was = 8 });
        var streetVersion1 = (string?)(await PreviewAsync(designer, street))["hash"];

        // The state a crash leaves between the district's upgrade and the street's: the district on the city's new
        // version, the street (off while the cascade passed, on again now) still on the district's old one, the cascade pending.
        Assert.Equal(HttpStatusCode.OK, (await designer.PutAsJsonAsync($"/api/modules/{street["id"]}/settings", new { autoUpgrade = false })).StatusCode);
        var answer = await ModuleLibraryApi.PublishTemplateAsync(designer, city, "2.0.0",
            p => p["settings"]!["quotaPerYear"]!["label"]!["zh-CN"] = "每年可用次数（自然年）");
        Assert.Equal("2", (string?)ModuleLibraryApi.Entry(answer, "upgraded", xihu)["version"]);
        Assert.Equal(HttpStatusCode.OK, (await designer.PutAsJsonAsync($"/api/modules/{street["id"]}/settings", new { autoUpgrade = true })).StatusCode);
        await LeaveAsCrashedAsync(city);
        var streetNow = await ModuleLibraryApi.FindAsync(designer, "benefits", "北山街道总工会");
        Assert.Equal(("1", true), ((string?)streetNow["latestVersion"], (bool)streetNow["upgradeAvailable"]!));

        Assert.Equal(1, await RecoverAsync());

        streetNow = await ModuleLibraryApi.FindAsync(designer, "benefits", "北山街道总工会");
        Assert.Equal(("2", false), ((string?)streetNow["latestVersion"], (bool)streetNow["upgradeAvailable"]!));
        Assert.Equal("2", (string?)(await ModuleLibraryApi.FindAsync(designer, "benefits", "西湖区总工会"))["latestVersion"]);
        var preview = await PreviewAsync(designer, street);
        Assert.Equal(5, preview["module"]!["settings"]!["quotaPerYear"]!["value"]!.GetValue<int>());
        Assert.Equal("每年可用次数（自然年）", (string?)preview["module"]!["settings"]!["quotaPerYear"]!["label"]!["zh-CN"]);
        await using var db = server.OpenDb();
        Assert.NotEqual(streetVersion1, await ServiceSnapshotAsync(db, street));
        Assert.Equal((string?)preview["hash"], await ServiceSnapshotAsync(db, street));
        Assert.NotNull(Assert.Single(await CrashedCascades.CascadesAsync(db, city)).DoneAt);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "module.autoUpgraded" && e.Target == $"module:{street["id"]}" && e.Actor == "designer"));
    }
}

public sealed class SqliteCascadeRecoveryTests(SqliteCaseServer server) : CascadeRecoveryTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresCascadeRecoveryTests(PostgresCaseServer server) : CascadeRecoveryTests(server), IClassFixture<PostgresCaseServer>;
