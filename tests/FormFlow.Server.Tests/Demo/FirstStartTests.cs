using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Database;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Demo;

/// <summary>
/// A union runs FormFlow for real, from an empty database and without demo mode: the first start creates its top unit
/// and first admin from <c>FormFlow:Bootstrap</c> with the shipped templates in its library; the admin builds a
/// district and a grassroots union, makes a worker's account and activates the join service; the worker applies.
/// </summary>
public abstract class FirstStartTests(DatabaseProvider provider)
{
    private const string AdminPassword = "Union-admin-passphrase-1";
    private const string WorkerPassword = "Worker-passphrase-2024";

    private static Dictionary<string, string?> RealSettings(string? adminPassword = AdminPassword)
    {
        var settings = RealMode.Settings();
        settings["FormFlow:Bootstrap:RootOrg"] = "滨海市总工会";
        settings["FormFlow:Bootstrap:AdminUser"] = "binhai-admin";
        settings["FormFlow:Bootstrap:AdminName"] = "周主席";
        settings["FormFlow:Bootstrap:AdminPassword"] = adminPassword;
        return settings;
    }

    [Fact]
    public async Task From_an_empty_database_the_first_admin_sets_up_a_union_and_a_worker_applies_to_join()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = RealSettings();
        await using (var server = await ServerFixture.StartOnAsync(database, settings))
        {
            var admin = await Api.CookieClientAsync(server, "binhai-admin", AdminPassword);
            var root = (await Api.JsonAsync(await admin.GetAsync("/api/me")))["roles"]!.AsArray().Select(r => r!["orgId"]!.GetValue<int>()).Distinct().Single();
            var district = (await Api.JsonAsync(await admin.PostAsJsonAsync("/api/orgs", new { parentId = root, name = "滨海新区总工会", level = "district" })))["id"]!.GetValue<int>();
            var union = (await Api.JsonAsync(await admin.PostAsJsonAsync("/api/orgs", new { parentId = district, name = "海港机械厂工会", level = "grassroots" })))["id"]!.GetValue<int>();
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/accounts", new
            {
                userName = "13700001111", displayName = "孙海", password = WorkerPassword, roles = new[] { new { role = "worker", orgUnitId = union } },
            })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/accounts", new
            {
                userName = "haigang-reviewer", displayName = "钱敏", password = WorkerPassword, roles = new[] { new { role = "reviewer", orgUnitId = union } },
            })).StatusCode);

            // The shipped templates wait in the library, none running until the admin activates one.
            var library = JsonNode.Parse(await admin.GetStringAsync("/api/modules"))!.AsArray();
            Assert.Contains(library, m => (string?)m!["key"] == "survey");
            var showcase = library.Single(m => (string?)m!["key"] == "innovation-showcase")!;
            Assert.Equal(("derived", library.Single(m => (string?)m!["key"] == "ideas")!["id"]!.GetValue<int>()), ((string?)showcase["kind"], showcase["parentModuleId"]!.GetValue<int>()));
            var worker = await Api.CookieClientAsync(server, "13700001111", WorkerPassword);
            Assert.Empty(JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray());
            var join = library.Single(m => (string?)m!["key"] == "join")!;
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/modules/{join["id"]}/activate", new { orgUnitId = root })).StatusCode);

            var submitted = await CaseServer.SubmitJoinAsync(worker);
            var reviewer = await Api.CookieClientAsync(server, "haigang-reviewer", WorkerPassword);
            Assert.Equal(submitted["id"]!.GetValue<long>(), (await CaseServer.InboxTaskAsync(reviewer, submitted["id"]!.GetValue<long>()))["caseId"]!.GetValue<long>());
        }

        // A second start with the same settings adds nothing: the database has its union already.
        await using (var again = await ServerFixture.StartOnAsync(database, settings))
        {
            await using var db = FormFlowDatabase.CreateContext(database.Settings);
            Assert.Equal(1, await db.OrgUnits.CountAsync(o => o.ParentId == null));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "install.firstStart"));
        }
    }

    [Fact]
    public async Task A_first_admin_password_below_the_rules_stops_the_first_start_and_creates_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ServerFixture.StartOnAsync(database, RealSettings("short")));
        Assert.Contains("FormFlow:Bootstrap:AdminPassword", ex.ToString());
        await using var db = FormFlowDatabase.CreateContext(database.Settings);
        Assert.False(await db.OrgUnits.AnyAsync());
        Assert.False(await db.Users.AnyAsync());
    }
}

public sealed class SqliteFirstStartTests() : FirstStartTests(DatabaseProvider.Sqlite);

public sealed class PostgresFirstStartTests() : FirstStartTests(DatabaseProvider.Postgres);
