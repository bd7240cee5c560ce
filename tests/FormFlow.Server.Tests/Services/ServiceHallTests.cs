using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Services;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Services;

/// <summary>The demo services (shipped templates and derivations activated at the city) as each role finds them in the service hall.</summary>
public abstract class ServiceHallTests(ServerFixture server)
{
    [Fact]
    public async Task A_worker_finds_the_shipped_services_with_their_start_forms()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var list = JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray();
        // The shipped templates a worker starts, and the two keyed derivations of ideas and qa beside them.
        Assert.Equal(["benefits", "ideas", "innovation-showcase", "join", "legal-consultation", "qa", "question-collection", "survey", "technical-qa", "vote"], list.Select(s => s!["moduleKey"]!.GetValue<string>()).Order());
        var join = list.Single(s => s!["moduleKey"]!.GetValue<string>() == "join")!;
        Assert.Equal("入会申请", join["name"]!["zh-CN"]!.GetValue<string>());
        Assert.StartsWith("sha256:", join["snapshotHash"]!.GetValue<string>());

        var detail = await Api.JsonAsync(await worker.GetAsync($"/api/services/{join["id"]}"));
        Assert.Equal("union-join", detail["form"]!["id"]!.GetValue<string>());
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", detail["schema"]!["$schema"]!.GetValue<string>());
        Assert.Contains("residentId", detail["schema"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("cases", detail["submissions"]!.GetValue<string>());
        Assert.Null(detail["responses"]);

        var vote = await Api.JsonAsync(await worker.GetAsync($"/api/services/{list.Single(s => s!["moduleKey"]!.GetValue<string>() == "vote")!["id"]}"));
        Assert.Equal("responses", vote["submissions"]!.GetValue<string>());
        Assert.Equal("open", vote["responses"]!["window"]!.GetValue<string>());
        Assert.Equal("secretBallot", vote["responses"]!["anonymity"]!.GetValue<string>());
        Assert.False(vote["responses"]!["answered"]!.GetValue<bool>());
        Assert.False(vote["responses"]!["resultsVisible"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_deepest_activation_on_the_workers_chain_wins_and_other_districts_services_stay_hidden()
    {
        int district, xihu;
        await using (var db = server.OpenDb())
        {
            var cityJoin = await db.ServiceActivations.SingleAsync(a => a.ModuleKey == "benefits" && a.RetiredAt == null && a.OrgUnitId == db.OrgUnits.Single(o => o.ParentId == null).Id);
            var dongcheng = await db.OrgUnits.SingleAsync(o => o.Name == "东城区总工会");
            var xihuOrg = await db.OrgUnits.SingleAsync(o => o.Name == "西湖区总工会");
            var ownJoin = new ServiceActivation { ModuleKey = "benefits", OrgUnitId = dongcheng.Id, SnapshotHash = cityJoin.SnapshotHash, ActivatedBy = "district-admin", ActivatedAt = DateTime.UtcNow };
            var xihuLegal = new ServiceActivation { ModuleKey = "legal-consultation", OrgUnitId = xihuOrg.Id, SnapshotHash = cityJoin.SnapshotHash, ActivatedBy = "designer", ActivatedAt = DateTime.UtcNow };
            db.ServiceActivations.AddRange(ownJoin, xihuLegal);
            await db.SaveChangesAsync();
            (district, xihu) = (ownJoin.Id, xihuLegal.Id);
        }
        try
        {
            var worker = await Api.BearerClientAsync(server, "worker");
            var list = JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray();
            Assert.Equal(district, list.Single(s => s!["moduleKey"]!.GetValue<string>() == "benefits")!["id"]!.GetValue<int>());
            Assert.Equal("东城区总工会", list.Single(s => s!["moduleKey"]!.GetValue<string>() == "benefits")!["orgName"]!.GetValue<string>());
            await Api.ProblemAsync(await worker.GetAsync($"/api/services/{xihu}"), HttpStatusCode.NotFound);

            // The city's designer follows both: what runs in the subtree is visible to staff above it.
            var designer = await Api.BearerClientAsync(server, "designer");
            var ids = JsonNode.Parse(await designer.GetStringAsync("/api/services"))!.AsArray().Select(s => s!["id"]!.GetValue<int>()).ToList();
            Assert.Contains(district, ids);
            Assert.Contains(xihu, ids);
            // The district admin sees its own district's activation, not 西湖区's.
            var admin = await Api.BearerClientAsync(server, "district-admin");
            await Api.ProblemAsync(await admin.GetAsync($"/api/services/{xihu}"), HttpStatusCode.NotFound);
        }
        finally
        {
            await using var db = server.OpenDb();
            await db.ServiceActivations.Where(a => a.Id == district || a.Id == xihu).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task A_service_retired_in_the_database_by_another_process_is_gone_at_the_next_request()
    {
        // The process keeps the live services between requests; a change written elsewhere must still count at once.
        var worker = await Api.BearerClientAsync(server, "worker");
        var legal = JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray().Single(s => s!["moduleKey"]!.GetValue<string>() == "legal-consultation")!;
        var id = legal["id"]!.GetValue<int>();
        await using (var db = server.OpenDb())
            await db.ServiceActivations.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.RetiredAt, DateTime.UtcNow));
        try
        {
            Assert.DoesNotContain(id, JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray().Select(s => s!["id"]!.GetValue<int>()));
            await Api.ProblemAsync(await worker.PostAsJsonAsync($"/api/services/{id}/cases", new { data = new { } }), HttpStatusCode.NotFound);
        }
        finally
        {
            await using var db = server.OpenDb();
            await db.ServiceActivations.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.RetiredAt, (DateTime?)null));
        }
        Assert.Contains(id, JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray().Select(s => s!["id"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_snapshot_in_use_cannot_be_deleted()
    {
        await using var db = server.OpenDb();
        var hash = await db.ServiceActivations.Select(a => a.SnapshotHash).FirstAsync();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.ModuleSnapshots.Where(s => s.Hash == hash).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task Unknown_services_are_404_problems_and_anonymous_callers_401()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        await Api.ProblemAsync(await worker.GetAsync("/api/services/987654"), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await server.CreateClient().GetAsync("/api/services"), HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteServiceHallTests(SqliteServer server) : ServiceHallTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresServiceHallTests(PostgresServer server) : ServiceHallTests(server), IClassFixture<PostgresServer>;
