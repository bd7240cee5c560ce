using FormFlow.Persistence.Members;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Points;

/// <summary>Crediting points: idempotent by key, never below zero, and never beyond a kind's daily cap.</summary>
public static class PointsLedger
{
    public const int MaxKindLength = 64;
    public const int MaxReasonLength = 200;
    /// <summary>The most one award may credit: a typo of 10000 for 100 should fail, not enrich someone.</summary>
    public const int MaxAward = 1000;

    /// <summary>
    /// Adds the award to the context (the caller's transaction commits it). With a daily cap, what is credited is cut
    /// to what is left of the cap for the kind on the local day; the day's total is raised by one conditional update,
    /// so awards racing on one row cannot together pass the cap (PostgreSQL re-checks the row a concurrent writer
    /// committed; SQLite has one writer). Two first awards of a day racing to create the row meet at its key: the
    /// loser's transaction fails and the dispatcher's retry finds the row.
    /// </summary>
    public static async Task<PointsEntry> AwardAsync(FormFlowDbContext db, PointsAward award, CancellationToken ct = default)
    {
        if (award.Points is < 1 or > MaxAward) throw new ArgumentOutOfRangeException(nameof(award), award.Points, $"an award is 1 to {MaxAward} points");
        var earlier = db.PointsEntries.Local.FirstOrDefault(e => e.IdempotencyKey == award.IdempotencyKey)
            ?? await db.PointsEntries.SingleOrDefaultAsync(e => e.IdempotencyKey == award.IdempotencyKey, ct);
        if (earlier is not null) return earlier;

        var granted = award.DailyCap is { } cap ? await ClaimUnderCapAsync(db, award, cap, ct) : award.Points;
        var entry = new PointsEntry
        {
            AccountId = award.AccountId, Points = granted, Kind = award.Kind, Reason = award.Reason, Capped = granted < award.Points,
            CaseId = award.CaseId, AwardedAt = award.At.UtcDateTime, IdempotencyKey = award.IdempotencyKey,
        };
        db.PointsEntries.Add(entry);
        return entry;
    }

    public static Task<int> BalanceAsync(FormFlowDbContext db, string accountId, CancellationToken ct = default) =>
        db.PointsEntries.Where(e => e.AccountId == accountId).SumAsync(e => e.Points, ct);

    /// <summary>The local day an award counts in for caps: the calendar date in China Standard Time.</summary>
    public static string DayOf(DateTimeOffset at) => at.ToOffset(Quotas.ChinaStandardTime).ToString("yyyy-MM-dd");

    private static async Task<int> ClaimUnderCapAsync(FormFlowDbContext db, PointsAward award, int cap, CancellationToken ct)
    {
        var day = DayOf(award.At);
        var points = award.Points;
        var row = db.PointsDays.Where(d => d.AccountId == award.AccountId && d.Kind == award.Kind && d.Day == day);
        var changed = await row.Where(d => d.Credited < cap).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.LastGranted, d => d.Credited + points > cap ? cap - d.Credited : points)
            .SetProperty(d => d.Credited, d => d.Credited + points > cap ? cap : d.Credited + points), ct);
        if (changed == 1) return await row.Select(d => d.LastGranted).SingleAsync(ct);
        if (await row.AnyAsync(ct)) return 0;
        var first = Math.Min(points, cap);
        db.PointsDays.Add(new PointsDay { AccountId = award.AccountId, Kind = award.Kind, Day = day, Credited = first, LastGranted = first });
        return first;
    }
}

/// <param name="DailyCap">The most points of <paramref name="Kind"/> one account may be credited per local day; null: no cap.</param>
public sealed record PointsAward(
    string AccountId, int Points, string Kind, string Reason, int? DailyCap, long? CaseId, string IdempotencyKey, DateTimeOffset At);
