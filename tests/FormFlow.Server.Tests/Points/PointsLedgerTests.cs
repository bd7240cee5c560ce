using FormFlow.Persistence.Database;
using FormFlow.Persistence.Points;
using FormFlow.Server.Points;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;

namespace FormFlow.Server.Tests.Points;

/// <summary>The awardPoints effect on a real store: credited once however often it is retried, and never past a daily cap.</summary>
public sealed class PointsLedgerTests
{
    private static JsonObject Award(int points, string kind = "ideaAdopted", int? cap = null) =>
        new() { ["points"] = points, ["reason"] = "金点子被采纳", ["kind"] = kind, ["dailyCap"] = cap };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_retried_award_is_one_ledger_line_with_its_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (accountId, orgId) = await EffectRuns.ArrangeAsync(database);
        var award = EffectRuns.Request(accountId, orgId, "7:adopted:2", "awardPoints", Award(30));

        await EffectRuns.RunAsync(database, new AwardPointsHandler(), award);
        await EffectRuns.RunAsync(database, new AwardPointsHandler(), award);

        await using var db = database.Open();
        var line = await db.PointsEntries.SingleAsync();
        Assert.Equal((accountId, 30, "金点子被采纳", "ideaAdopted", false, 7L), (line.AccountId, line.Points, line.Reason, line.Kind, line.Capped, line.CaseId));
        Assert.Equal(30, await PointsLedger.BalanceAsync(db, accountId));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "points.awarded"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_daily_cap_cuts_the_award_that_passes_it_and_stops_the_next_for_that_kind_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (accountId, orgId) = await EffectRuns.ArrangeAsync(database);
        for (var step = 1; step <= 4; step++)
            await EffectRuns.RunAsync(database, new AwardPointsHandler(), EffectRuns.Request(accountId, orgId, $"{step}:adopted:1", "awardPoints", Award(40, cap: 100)));
        await EffectRuns.RunAsync(database, new AwardPointsHandler(), EffectRuns.Request(accountId, orgId, "9:placed:1", "awardPoints", Award(25, "contestPlaced", cap: 100)));

        await using var db = database.Open();
        var lines = await db.PointsEntries.OrderBy(e => e.Id).Select(e => new { e.Points, e.Capped, e.Kind }).ToListAsync();
        Assert.Equal(["40 False", "40 False", "20 True", "0 True"], lines.Where(l => l.Kind == "ideaAdopted").Select(l => $"{l.Points} {l.Capped}"));
        Assert.Equal(125, await PointsLedger.BalanceAsync(db, accountId));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Awards_racing_under_one_cap_never_credit_more_than_the_cap(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (accountId, orgId) = await EffectRuns.ArrangeAsync(database);
        // The day's row exists, so every racer meets at one conditional update.
        await EffectRuns.RunAsync(database, new AwardPointsHandler(), EffectRuns.Request(accountId, orgId, "1:adopted:1", "awardPoints", Award(10, cap: 100)));

        using var start = new Barrier(12);
        await Task.WhenAll(Enumerable.Range(2, 12).Select(step => Task.Run(async () =>
        {
            await using var db = database.Open();
            start.SignalAndWait();
            await using var transaction = await db.BeginWriteTransactionAsync(default);
            await new AwardPointsHandler().HandleAsync(EffectRuns.Request(accountId, orgId, $"{step}:adopted:1", "awardPoints", Award(30, cap: 100))(db), default);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        })));

        await using var check = database.Open();
        Assert.Equal(13, await check.PointsEntries.CountAsync());
        Assert.Equal(100, await PointsLedger.BalanceAsync(check, accountId));
        Assert.Equal(100, (await check.PointsDays.SingleAsync()).Credited);
    }

    [Fact]
    public void The_day_of_an_award_is_the_date_in_China()
    {
        Assert.Equal("2026-12-07", PointsLedger.DayOf(new DateTimeOffset(2026, 12, 6, 16, 30, 0, TimeSpan.Zero)));
        Assert.Equal("2026-12-06", PointsLedger.DayOf(new DateTimeOffset(2026, 12, 6, 15, 59, 0, TimeSpan.Zero)));
    }
}
