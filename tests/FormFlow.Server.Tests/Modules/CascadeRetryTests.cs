using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Modules;

/// <summary>
/// A cascade that throws (here: a derived module whose stored draft is broken) does not fail the publish, which is
/// committed: the answer says the cascade is retrying, the error is stored, and background passes try it again after
/// a backoff, while the cases' timers and outbox go on. A server of its own, since it breaks a module on purpose.
/// </summary>
public abstract class CascadeRetryTests(CaseServer server)
{
    [Fact]
    public async Task A_cascade_that_throws_is_retried_after_a_backoff_and_does_not_hold_up_the_outbox()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var xihu = await ModuleLibraryApi.FindAsync(designer, "join", "西湖区总工会");
        var street = await ModuleLibraryApi.StreetModuleAsync(server, designer, xihu, "北山街道总工会",
            new { op = "set", element = "name", path = "/label/zh-CN", value = "姓名（与身份证一致）", was = "姓名" });
        var streetId = street["id"]!.GetValue<int>();
        string draft;
        await using (var db = server.OpenDb())
        {
            draft = await db.Modules.Where(m => m.Id == streetId).Select(m => m.Draft).SingleAsync();
            await db.Modules.Where(m => m.Id == streetId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Draft, "{}"));
        }

        var overlay = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{xihu["id"]}/overlay"));
        var operations = overlay["operations"]!.AsArray();
        operations.Add(JsonNode.Parse("""{"op": "set", "element": "mobile", "path": "/label/en", "value": "Mobile number (for review texts)", "was": "Mobile number"}"""));
        Assert.Equal(HttpStatusCode.OK, (await designer.PutAsJsonAsync($"/api/modules/{xihu["id"]}/overlay", new { operations })).StatusCode);
        var published = await designer.PostAsync($"/api/modules/{xihu["id"]}/publish", null);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var answer = await Api.JsonAsync(published);
        Assert.Equal(("2", "retrying"), ((string?)answer["version"], (string?)answer["cascade"]));
        Assert.Equal("2", (string?)(await ModuleLibraryApi.FindAsync(designer, "join", "西湖区总工会"))["latestVersion"]);

        await using (var db = server.OpenDb())
        {
            var cascade = Assert.Single(await CrashedCascades.CascadesAsync(db, xihu));
            Assert.Null(cascade.DoneAt);
            Assert.Equal(1, cascade.Attempts);
            Assert.False(string.IsNullOrEmpty(cascade.LastError));
            Assert.Null(cascade.ClaimedBy);
            Assert.Equal(server.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), cascade.NextAttemptAt, TimeSpan.FromSeconds(1));
        }
        // Not tried again before the backoff; the dispatcher carries out a case's effects meanwhile.
        Assert.Equal(0, await CrashedCascades.RecoverAsync(server));
        var (_, caseId) = await server.ApprovedJoinAsync();
        Assert.True(await server.DispatchAsync() > 0);
        await using (var db = server.OpenDb())
            Assert.DoesNotContain(await db.Outbox.Where(o => o.CaseId == caseId).Select(o => o.DoneAt).ToListAsync(), d => d is null);

        // Repaired, and past the backoff: the next pass upgrades the street.
        await using (var db = server.OpenDb())
            await db.Modules.Where(m => m.Id == streetId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Draft, draft));
        server.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await CrashedCascades.RecoverAsync(server));
        var streetNow = await ModuleLibraryApi.FindAsync(designer, "join", "北山街道总工会");
        Assert.Equal(("2", false), ((string?)streetNow["latestVersion"], (bool)streetNow["upgradeAvailable"]!));
        await using (var db = server.OpenDb())
        {
            var cascade = Assert.Single(await CrashedCascades.CascadesAsync(db, xihu));
            Assert.NotNull(cascade.DoneAt);
            Assert.Equal((2, null), (cascade.Attempts, cascade.LastError));
        }
    }
}

public sealed class SqliteCascadeRetryTests(SqliteCaseServer server) : CascadeRetryTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresCascadeRetryTests(PostgresCaseServer server) : CascadeRetryTests(server), IClassFixture<PostgresCaseServer>;
