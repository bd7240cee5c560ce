using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Statistics;

/// <summary>A figure whose stored value differs from the recount (a missing row counts as 0).</summary>
public sealed record FigureDifference(FigureKey Key, long Expected, long Stored);

/// <param name="DifferenceCount">How many figures differ.</param>
/// <param name="Differences">The first of them (at most <see cref="FigureRecount.DifferencesKept"/>), in the order they were found.</param>
public sealed record FigureRecountResult(int ExpectedRows, int StoredRows, int DifferenceCount, IReadOnlyList<FigureDifference> Differences, bool Repaired);

/// <summary>
/// Computes every figure again from the raw rows (cases, tasks, members, redemptions, points, participations) by the
/// same <see cref="FigureRules"/>, compares with the stored figures and, with <c>repair</c>, writes the recounted
/// values where they differ. Runs in one write transaction; on PostgreSQL it locks the figures against concurrent
/// writers for its duration, so a change committing meanwhile cannot look like a difference.
/// It reads each raw table once into a tally of changes at their own org and day (<see cref="FigureTally"/>), then
/// compares one local year at a time (then the timeless rows): one year's figures spread out are in memory, never all.
/// </summary>
public static class FigureRecount
{
    public const int DifferencesKept = 1000;

    public static Task<FigureRecountResult> RecountAsync(FormFlowDbContext db, bool repair, IProgress<string>? progress = null, CancellationToken ct = default) =>
        RecountAsync(db, repair, null, progress, ct);

    /// <summary>The recount of some measures only (<paramref name="measures"/>; null: all): their stored rows are compared and repaired, no other.</summary>
    public static async Task<FigureRecountResult> RecountAsync(FormFlowDbContext db, bool repair, IReadOnlySet<string>? measures, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        if (!db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"Figures\" IN SHARE ROW EXCLUSIVE MODE", ct);

        var chains = await ChainsAsync(db, ct);
        var tally = await TallyAsync(db, measures, progress, ct);
        var (expectedRows, storedRows, differenceCount) = (0, 0, 0);
        var kept = new List<FigureDifference>();
        var (years, strays) = await StoredYearsAsync(db, ct);
        years.UnionWith(tally.Years);
        foreach (int? year in years.Select(y => (int?)y).Append(null))
        {
            var expected = tally.Spread(year, chains);
            expectedRows += expected.Count(e => e.Value != 0);
            var differences = new List<FigureDifference>();
            await foreach (var f in Of(InSlice(db.Figures.AsNoTracking(), year), measures).AsAsyncEnumerable().WithCancellation(ct))
            {
                storedRows++;
                // Each stored row takes its expected value out: what remains afterwards is missing from the store.
                var want = tally.SeriesOf(f.Measure, f.ModuleKey, f.Key) is { } series && expected.Remove(new FigureTally.Cell(f.OrgUnitId, f.Period, series), out var value) ? value : 0;
                if (want != f.Value) differences.Add(new FigureDifference(new FigureKey(f.OrgUnitId, f.Period, f.Measure, f.ModuleKey, f.Key), want, f.Value));
            }
            differences.AddRange(expected.Where(e => e.Value != 0).Select(e => new FigureDifference(tally.KeyOf(e.Key), e.Value, 0)));
            differenceCount += differences.Count;
            kept.AddRange(differences.Take(DifferencesKept - kept.Count));
            progress?.Report($"{YearLabel(year)}: recounted, {differences.Count} figure rows differ");
            if (repair && differences.Count > 0)
                await FigureStore.WriteAsync(db, differences.Select(d => KeyValuePair.Create(d.Key, d.Expected)), add: false, ct);
        }
        // Rows of a period that is no day, month or year (written by no rule) are stored but never expected.
        var stray = await Of(db.Figures.AsNoTracking().Where(f => strays.Contains(f.Period)), measures).ToListAsync(ct);
        foreach (var f in stray)
        {
            storedRows++;
            differenceCount++;
            if (kept.Count < DifferencesKept) kept.Add(new FigureDifference(new FigureKey(f.OrgUnitId, f.Period, f.Measure, f.ModuleKey, f.Key), 0, f.Value));
        }
        if (repair && differenceCount > 0)
        {
            if (stray.Count > 0)
                await FigureStore.WriteAsync(db, stray.Select(f => KeyValuePair.Create(new FigureKey(f.OrgUnitId, f.Period, f.Measure, f.ModuleKey, f.Key), 0L)), add: false, ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Figures\" WHERE \"Value\" = 0", ct);
            progress?.Report($"repaired {differenceCount} figure rows");
        }
        await transaction.CommitAsync(ct);
        return new FigureRecountResult(expectedRows, storedRows, differenceCount, kept, repair && differenceCount > 0);
    }

    /// <summary>
    /// The measures added after the figures began, each with whether a database has raw rows that make some: a database
    /// written by an earlier release has those rows but none of the measure's figures.
    /// </summary>
    private static readonly (string Measure, Func<FormFlowDbContext, CancellationToken, Task<bool>> HasRawRows)[] LaterMeasures =
    [
        (FigureMeasures.ByStatus, (db, ct) => db.Cases.AnyAsync(ct)),
        (FigureMeasures.StepDeadlines, (db, ct) => db.CaseTasks.AnyAsync(t => t.DueAt != null && t.CompletedAt != null, ct)),
    ];

    /// <summary>
    /// Fills each later measure (<see cref="LaterMeasures"/>) that has raw rows but no figure at all: once, as a database
    /// of an earlier release opens (<see cref="Database.FormFlowDatabase.MigrateAsync"/>, before the server serves);
    /// afterwards the measure has rows and this is two index lookups per measure. Having no row, the measure's figures
    /// are inserted as a fill writes them (<see cref="BulkRows"/>), not upserted. One transaction: a process that dies
    /// midway leaves no row, and the next start does it again. Returns the measures filled.
    /// </summary>
    public static async Task<List<string>> FillLaterMeasuresAsync(FormFlowDbContext db, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var missing = new HashSet<string>();
        foreach (var (measure, hasRawRows) in LaterMeasures)
            if (!await db.Figures.AnyAsync(f => f.Measure == measure, ct) && await hasRawRows(db, ct)) missing.Add(measure);
        if (missing.Count > 0)
        {
            await using var transaction = await db.BeginWriteTransactionAsync(ct);
            await FillAsync(db, missing, progress, ct);
            await transaction.CommitAsync(ct);
        }
        return missing.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Fills the figures of a database that has none yet (one bulk-loaded without the save's figures, or of a release
    /// before the figures): the rows a recount would expect, inserted in the caller's transaction (<see cref="BulkRows"/>)
    /// instead of being upserted (<see cref="FigureStore"/>), the secondary index built after them. Returns the rows written.
    /// </summary>
    public static async Task<long> FillEmptyAsync(FormFlowDbContext db, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        if (await db.Figures.AnyAsync(ct)) throw new InvalidOperationException("the figures are not empty: recount them (FigureRecount.RecountAsync) instead");
        return await IndexesBuiltAfter.LoadAsync(db, "Figures", () => FillAsync(db, null, progress, ct), ct);
    }

    /// <summary>
    /// Inserts the figures of <paramref name="measures"/> (null: all), which have no stored row, one local year at a time
    /// (then the timeless rows), in read order (period, measure, org, module, key: as <see cref="FigureCompaction"/>
    /// leaves a closed month).
    /// </summary>
    private static async Task<long> FillAsync(FormFlowDbContext db, IReadOnlySet<string>? measures, IProgress<string>? progress, CancellationToken ct)
    {
        await using var cache = await SqliteBulkCache.WidenAsync(db, ct);
        var chains = await ChainsAsync(db, ct);
        var tally = await TallyAsync(db, measures, progress, ct);
        var written = 0L;
        foreach (int? year in tally.Years.Order().Select(y => (int?)y).Append(null))
        {
            var rows = tally.InReadOrder(tally.Spread(year, chains));
            await BulkRows.WriteAsync(db, rows, ct);
            written += rows.Count;
            progress?.Report($"{YearLabel(year)}: {rows.Count} figure rows");
        }
        return written;
    }

    private static IQueryable<Figure> Of(IQueryable<Figure> figures, IReadOnlySet<string>? measures) =>
        measures is null ? figures : figures.Where(f => measures.Contains(f.Measure));

    private static string YearLabel(int? year) => year is { } y ? y.ToString(System.Globalization.CultureInfo.InvariantCulture) : "timeless";

    /// <summary>Each org's chain of ancestors, root first (what a change to its figures adds to).</summary>
    private static async Task<Dictionary<int, int[]>> ChainsAsync(FormFlowDbContext db, CancellationToken ct)
    {
        var chains = new Dictionary<int, int[]>();
        await foreach (var o in db.OrgUnits.AsNoTracking().Select(o => new { o.Id, o.Path }).AsAsyncEnumerable().WithCancellation(ct))
            chains[o.Id] = OrgSubtree.Chain(o.Path);
        return chains;
    }

    /// <summary>The stored rows of one local year's periods (its year, months and days), or with <paramref name="year"/> null the timeless ones.</summary>
    private static IQueryable<Figure> InSlice(IQueryable<Figure> figures, int? year) => year is { } y
        ? figures.Where(f => f.Period == y || f.Period >= y * 100 + 1 && f.Period <= y * 100 + 12 || f.Period >= y * 10000 + 101 && f.Period <= y * 10000 + 1231) // as InYear
        : figures.Where(f => f.Period == FigurePeriods.AllTime);

    /// <summary>A day, month or year period of the local year <paramref name="year"/> (what <see cref="InSlice"/> reads).</summary>
    private static bool InYear(int period, int year) =>
        period == year || period >= year * 100 + 1 && period <= year * 100 + 12 || period >= year * 10000 + 101 && period <= year * 10000 + 1231;

    /// <summary>The local years with stored figures, and the stored periods of no year (strays).</summary>
    private static async Task<(SortedSet<int> Years, List<int> Strays)> StoredYearsAsync(FormFlowDbContext db, CancellationToken ct)
    {
        var years = new SortedSet<int>();
        var strays = new List<int>();
        foreach (var period in await db.Figures.Where(f => f.Period != FigurePeriods.AllTime).Select(f => f.Period).Distinct().ToListAsync(ct))
        {
            var year = period < 10000 ? period : period < 1000000 ? period / 100 : period / 10000;
            if (InYear(period, year)) years.Add(year);
            else strays.Add(period);
        }
        return (years, strays);
    }

    /// <summary>
    /// What the raw rows add to the figures of <paramref name="measures"/> (null: all), by the rules, at each row's own
    /// org and local day: one pass over each table that makes one of them.
    /// </summary>
    private static async Task<FigureTally> TallyAsync(FormFlowDbContext db, IReadOnlySet<string>? measures, IProgress<string>? progress, CancellationToken ct)
    {
        var tally = new FigureTally();
        // Each source names the measures its rule makes, so that a recount of some measures reads only their raw rows.
        async Task Source<T>(string what, string[] makes, IQueryable<T> rows, Func<T, IEnumerable<FigureDelta>> rule)
        {
            if (measures is not null && !makes.Any(measures.Contains)) return;
            var n = 0;
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                foreach (var delta in rule(row))
                    if (measures is null || measures.Contains(delta.Measure)) tally.Add(delta);
                if (++n % 500_000 == 0) progress?.Report($"{what}: {n:N0}");
            }
            progress?.Report($"{what}: {n:N0} counted");
        }

        await Source("cases", [FigureMeasures.Received, FigureMeasures.ByStatus, FigureMeasures.Finished, FigureMeasures.Rejected, FigureMeasures.HandlingTime],
            db.Cases.AsNoTracking().Select(c => new { c.OrgUnitId, c.ModuleKey, c.Status, c.CreatedAt, c.ClosedAt }),
            c => FigureRules.CaseReceived(c.OrgUnitId, c.ModuleKey, c.CreatedAt).Concat(FigureRules.CaseInStatus(c.OrgUnitId, c.ModuleKey, c.Status, c.CreatedAt)).Concat(c.ClosedAt is { } closed && FigureRules.IsClosed(c.Status)
                ? FigureRules.CaseClosed(c.OrgUnitId, c.ModuleKey, c.Status, c.CreatedAt, closed) : []));
        await Source("tasks", [FigureMeasures.OnTime, FigureMeasures.Late, FigureMeasures.Escalated, FigureMeasures.Offline, FigureMeasures.StepDeadlines],
            db.CaseTasks.AsNoTracking().Where(t => t.CompletedAt != null).Join(db.Cases.AsNoTracking(), t => t.CaseId, c => c.Id,
                (t, c) => new { t.OrgUnitId, c.ModuleKey, t.Kind, t.DueAt, t.CompletedAt, t.Outcome, CaseOrgUnitId = c.OrgUnitId, CaseCreatedAt = c.CreatedAt }),
            t => FigureRules.TaskCompleted(t.OrgUnitId, t.ModuleKey, t.Kind, t.DueAt, t.CompletedAt!.Value, t.Outcome)
                .Concat(FigureRules.StepDeadline(t.CaseOrgUnitId, t.ModuleKey, t.CaseCreatedAt, t.DueAt, t.CompletedAt)));
        await Source("members", [FigureMeasures.MembersJoined, FigureMeasures.MembersActive], db.Members.AsNoTracking().Select(m => new { m.OrgUnitId, m.Since, m.Status }),
            m => FigureRules.MemberJoined(m.OrgUnitId, m.Since).Concat(m.Status == Members.MemberStatus.Active ? FigureRules.MemberActive(m.OrgUnitId, m.Since, 1) : []));
        await Source("redemptions", [FigureMeasures.Redemptions, FigureMeasures.MerchantRedemptions], db.Redemptions.AsNoTracking()
                .Join(db.Entitlements.AsNoTracking(), r => r.EntitlementId, e => e.Id, (r, e) => new { r.At, r.MerchantAccountId, e.BenefitId, e.MemberId })
                .Join(db.Members.AsNoTracking(), r => r.MemberId, m => m.Id, (r, m) => new
                {
                    r.At, r.BenefitId, m.OrgUnitId,
                    MerchantId = db.MerchantAccounts.Where(a => a.AccountId == r.MerchantAccountId).Select(a => (long?)a.MerchantId).FirstOrDefault(),
                }),
            r => FigureRules.Redeemed(r.OrgUnitId, r.At, r.BenefitId, r.MerchantId));
        await Source("points", [FigureMeasures.Points], db.PointsEntries.AsNoTracking().Select(p => new
            {
                p.AwardedAt, p.Points,
                Org = p.CaseId != null
                    ? db.Cases.Where(c => c.Id == p.CaseId).Select(c => (int?)c.OrgUnitId).FirstOrDefault()
                    : db.RoleAssignments.Where(r => r.AccountId == p.AccountId).OrderBy(r => r.Id).Select(r => (int?)r.OrgUnitId).FirstOrDefault(),
            }),
            p => p.Org is { } org ? FigureRules.PointsAwarded(org, p.AwardedAt, p.Points) : []);
        await Source("participations", [FigureMeasures.Participants], db.Participations.AsNoTracking().Select(p => new
            {
                p.OrgUnitId, p.ServiceActivationId,
                Module = db.ServiceActivations.Where(s => s.Id == p.ServiceActivationId).Select(s => s.ModuleKey).FirstOrDefault(),
            }),
            p => FigureRules.Participated(p.OrgUnitId, p.Module ?? "", p.ServiceActivationId));
        return tally;
    }
}
