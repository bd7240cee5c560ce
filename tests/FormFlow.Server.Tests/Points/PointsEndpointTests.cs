using System.Net;
using FormFlow.Persistence.Points;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Points;

/// <summary>GET /api/me/points: my balance and my ledger lines with their reasons, newest first, paged by cursor.</summary>
public abstract class PointsEndpointTests(ServerFixture server)
{
    [Fact]
    public async Task A_worker_pages_through_their_own_lines_newest_first_and_sees_the_balance()
    {
        var workerId = await AccountIdAsync("worker");
        var client = await Api.CookieClientAsync(server, "worker");
        var before = (int)(await Api.JsonAsync(await client.GetAsync("/api/me/points")))["balance"]!;
        await using (var db = server.OpenDb())
        {
            for (var i = 1; i <= 5; i++)
                await PointsLedger.AwardAsync(db, new PointsAward(workerId, i * 10, "ideaAdopted", $"金点子{i}被采纳", null, i, $"points-page-{Guid.NewGuid()}", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var first = await Api.JsonAsync(await client.GetAsync("/api/me/points?limit=3"));
        var second = await Api.JsonAsync(await client.GetAsync($"/api/me/points?limit=3&cursor={first["next"]}"));

        Assert.Equal(before + 150, (int)first["balance"]!);
        Assert.Equal(["金点子5被采纳", "金点子4被采纳", "金点子3被采纳", "金点子2被采纳", "金点子1被采纳"],
            first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Take(5).Select(l => (string)l!["reason"]!));
        Assert.Equal(3, first["items"]!.AsArray().Count);
        Assert.EndsWith("Z", (string)first["items"]![0]!["awardedAt"]!);
    }

    [Fact]
    public async Task Another_account_sees_none_of_them()
    {
        var workerId = await AccountIdAsync("worker");
        await using (var db = server.OpenDb())
        {
            await PointsLedger.AwardAsync(db, new PointsAward(workerId, 10, "ideaAdopted", "金点子被采纳", null, null, $"points-other-{Guid.NewGuid()}", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var reviewer = await Api.CookieClientAsync(server, "reviewer");

        var page = await Api.JsonAsync(await reviewer.GetAsync("/api/me/points"));
        Assert.Equal(0, (int)page["balance"]!);
        Assert.Empty(page["items"]!.AsArray());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=abc", "cursor")]
    public async Task A_bad_page_parameter_is_400_naming_it(string query, string parameter)
    {
        var client = await Api.CookieClientAsync(server, "worker");
        var problem = await Api.ProblemAsync(await client.GetAsync($"/api/me/points?{query}"), HttpStatusCode.BadRequest);
        Assert.Equal(parameter, (string?)problem["parameter"]);
    }

    [Fact]
    public async Task Without_signing_in_it_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/me/points")).StatusCode);

    private async Task<string> AccountIdAsync(string userName)
    {
        await using var db = server.OpenDb();
        return await db.Users.Where(a => a.UserName == userName).Select(a => a.Id).SingleAsync();
    }
}

public sealed class SqlitePointsEndpointTests(SqliteServer server) : PointsEndpointTests(server), IClassFixture<SqliteServer>;
public sealed class PostgresPointsEndpointTests(PostgresServer server) : PointsEndpointTests(server), IClassFixture<PostgresServer>;
