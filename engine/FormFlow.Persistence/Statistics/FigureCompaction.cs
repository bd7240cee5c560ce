using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Statistics;

/// <summary>
/// Writes the figures of a closed month again, in the order the dashboards read them: period, measure, org, module,
/// key. Increments leave a month's rows scattered, one or two to a page: a row is inserted when its first change comes
/// and moved wherever the database finds room when it grows. On a city of a million members a district's breakdown
/// of one month read 1,910 pages of PostgreSQL's heap for 800 rows, and 115 once its month was written again. Once a
/// month is over its rows seldom change, so they stay in that order. Cases by status and steps' deadlines (dated by
/// submission) change until the month's cases are closed, weeks later: those updates touch existing rows (in place on
/// SQLite; on PostgreSQL on the same page while it has room), and the values are right whatever the order, so
/// compaction does nothing more for them.
/// </summary>
/// <remarks>
/// Values never change: each measure's rows of the month (its days, the month, and the year once December is over) are
/// deleted and inserted again in one write transaction, so a reader sees them before or after, and a concurrent
/// increment waits for the transaction (PostgreSQL: the deleted rows' locks; SQLite: the write gate) and then adds to
/// the rewritten row. Done months are recorded (<see cref="CompactedFigureMonth"/>); doing one again is harmless.
/// </remarks>
public static class FigureCompaction
{
    private const string Columns = """ "OrgUnitId", "Period", "Measure", "ModuleKey", "Key", "Value" """;
    private const string ReadOrder = """ "Period", "Measure", "OrgUnitId", "ModuleKey", "Key" """;

    /// <summary>Every change is added to the roots' rows too: their rows name every period and measure that has figures.</summary>
    private static IQueryable<Figure> OfRoots(FormFlowDbContext db) =>
        db.Figures.Where(f => db.OrgUnits.Where(o => o.ParentId == null).Select(o => o.Id).Contains(f.OrgUnitId));

    /// <summary>The closed months (before <paramref name="today"/>'s) with figures that are not compacted yet, oldest first.</summary>
    public static async Task<List<int>> PendingAsync(FormFlowDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var current = FigurePeriods.Month(today);
        var months = await OfRoots(db).Where(f => f.Period >= FigurePeriods.Month(FigurePeriods.First) && f.Period < current)
            .Select(f => f.Period).Distinct().ToListAsync(ct);
        var done = await db.CompactedFigureMonths.Select(c => c.Month).ToListAsync(ct);
        return months.Except(done).Order().ToList();
    }

    /// <summary>Compacts one month (<c>202611</c>) and records it; returns how many rows were written again.</summary>
    public static async Task<long> CompactAsync(FormFlowDbContext db, int month, TimeProvider clock, CancellationToken ct = default)
    {
        var (year, monthOfYear) = (month / 100, month % 100);
        var firstDay = FigurePeriods.Day(new DateOnly(year, monthOfYear, 1));
        var lastDay = FigurePeriods.Day(new DateOnly(year, monthOfYear, 1).AddMonths(1).AddDays(-1));
        // The year's row changes until the year is over: it goes with December.
        var yearRow = monthOfYear == 12 ? year : -1;
        var measures = await OfRoots(db).Where(f => f.Period == month).Select(f => f.Measure).Distinct().ToListAsync(ct);

        var rows = 0L;
        foreach (var measure in measures.Order(StringComparer.Ordinal))
        {
            await using var transaction = await db.BeginWriteTransactionAsync(ct);
            object[] args = [measure, firstDay, lastDay, month, yearRow];
            const string Slice = """ "Measure" = {0} AND ("Period" BETWEEN {1} AND {2} OR "Period" = {3} OR "Period" = {4}) """;
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("""DROP TABLE IF EXISTS temp."CompactedFigures" """, ct);
                await db.Database.ExecuteSqlRawAsync($"""CREATE TEMP TABLE "CompactedFigures" AS SELECT {Columns} FROM "Figures" WHERE {Slice}""", args, ct);
                await db.Database.ExecuteSqlRawAsync($"""DELETE FROM "Figures" WHERE {Slice}""", args, ct);
                rows += await db.Database.ExecuteSqlRawAsync($"""INSERT INTO "Figures" ({Columns}) SELECT {Columns} FROM temp."CompactedFigures" ORDER BY {ReadOrder}""", ct);
                await db.Database.ExecuteSqlRawAsync("""DROP TABLE temp."CompactedFigures" """, ct);
            }
            else
            {
                // One statement: the deleted rows come back as they are at the delete (a concurrent change included).
                rows += await db.Database.ExecuteSqlRawAsync($"""
                    WITH "Moved" AS (DELETE FROM "Figures" WHERE {Slice} RETURNING {Columns})
                    INSERT INTO "Figures" ({Columns}) SELECT {Columns} FROM "Moved" ORDER BY {ReadOrder}
                    """, args, ct);
            }
            await transaction.CommitAsync(ct);
        }

        if (!await db.CompactedFigureMonths.AnyAsync(c => c.Month == month, ct))
        {
            db.CompactedFigureMonths.Add(new CompactedFigureMonth { Month = month, CompactedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        return rows;
    }

    /// <summary>
    /// Records the months closed by <paramref name="today"/> as compacted without writing them again, for figures
    /// that were bulk-written in read order (<see cref="FigureRecount.FillEmptyAsync"/>, <see cref="FigureTally.InReadOrder"/>).
    /// </summary>
    public static async Task RecordWrittenInOrderAsync(FormFlowDbContext db, DateOnly today, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.CompactedFigureMonths.AddRange((await PendingAsync(db, today, ct)).Select(month => new CompactedFigureMonth { Month = month, CompactedAt = now }));
        await db.SaveChangesAsync(ct);
    }
}
