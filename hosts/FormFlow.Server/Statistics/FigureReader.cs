using System.Globalization;
using FormFlow.Persistence;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Statistics;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Statistics;

internal sealed record FigureOrg(int Id, string Name, string Level, bool HasChildren);
internal sealed record KeyedCount(string Key, string Name, long Count);
internal sealed record OrgFigures(FigureOrg Org, FigureTotals Figures);

/// <param name="Direct">The org's own figures without its children's (cases of applicants registered at the org itself).</param>
/// <param name="CasesByStatus">The cases submitted in the period by the status they have now (key and name: the status).</param>
internal sealed record FigureBreakdown(
    FigureOrg Org, FigureOrg? Parent, string From, string To, FigureTotals Totals, FigureTotals Direct, List<OrgFigures> Children,
    List<KeyedCount> RedemptionsByBenefit, List<KeyedCount> RedemptionsByMerchant, List<KeyedCount> ParticipantsByService, List<KeyedCount> CasesByStatus);

internal sealed record BucketFigures(string Bucket, FigureTotals Figures);
internal sealed record FigureTrend(FigureOrg Org, string Grain, List<BucketFigures> Buckets);
internal sealed record ModuleFigures(string ModuleKey, string Name, FigureTotals Figures);
internal sealed record FigureModules(FigureOrg Org, string From, string To, List<ModuleFigures> Modules);
internal sealed record PeriodFigures(string From, string To, FigureTotals Figures);
/// <param name="Change">For each measure of <see cref="FigureTotals.Names"/>: current − other (null when either is null).</param>
internal sealed record FigureComparison(FigureOrg Org, PeriodFigures Current, PeriodFigures Other, Dictionary<string, double?> Change);
internal sealed record FigureRanking(FigureOrg Org, string Level, string Sort, string Order, int Total, int Offset, List<OrgFigures> Rows);

/// <summary>
/// Reads the figures for the dashboards: every answer sums the rows of a few orgs over the fewest periods that cover
/// the request (<see cref="FigurePeriods.Cover"/>), grouped in the database.
/// </summary>
internal sealed class FigureReader(FormFlowDbContext db)
{
    private static readonly string[] NotByModule = [FigureMeasures.MembersJoined, FigureMeasures.MembersActive, FigureMeasures.Redemptions, FigureMeasures.MerchantRedemptions, FigureMeasures.Points];
    /// <summary>
    /// Cases by status are a breakdown of their own (<see cref="FigureBreakdown.CasesByStatus"/>, and <c>/api/stats</c>);
    /// steps' deadlines by submission day are <c>/api/stats</c>'s (the totals' on time and late go by the day of completion).
    /// No total shows them, so the views do not read their rows.
    /// </summary>
    private static readonly string[] NotInTotals = [FigureMeasures.ByStatus, FigureMeasures.StepDeadlines];

    public async Task<FigureBreakdown> BreakdownAsync(FigureScope scope, CancellationToken ct)
    {
        var children = await db.OrgUnits.AsNoTracking().Where(o => o.ParentId == scope.Org.Id).OrderBy(o => o.Name).ToListAsync(ct);
        var ids = children.Select(c => c.Id).Append(scope.Org.Id).ToList();
        var bags = await BagsAsync(db.OrgUnits.Where(o => ids.Contains(o.Id)).Select(o => o.Id), scope.From, scope.To, null, ct);
        var active = await ActiveAsync(db.OrgUnits.Where(o => ids.Contains(o.Id)).Select(o => o.Id), scope.To, ct);
        var orgs = await DescribeAsync([scope.Org, .. children, .. scope.Parent is { } p ? [p] : Array.Empty<OrgUnit>()], ct);
        FigureTotals Totals(int id) => FigureTotals.From(bags.GetValueOrDefault(id) ?? new FigureBag(), active.GetValueOrDefault(id));

        var own = bags.GetValueOrDefault(scope.Org.Id) ?? new FigureBag();
        var direct = new FigureBag();
        foreach (var name in AllMeasures)
        {
            foreach (var (key, value) in own.ByKey(name)) direct.Add(name, key, value);
            foreach (var child in children)
                foreach (var (key, value) in (bags.GetValueOrDefault(child.Id) ?? new FigureBag()).ByKey(name)) direct.Add(name, key, -value);
        }
        var merchants = own.ByKey(FigureMeasures.MerchantRedemptions);
        var merchantIds = merchants.Keys.Where(k => k.Length > 0).Select(long.Parse).ToList();
        var merchantNames = await db.Merchants.AsNoTracking().Where(m => merchantIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id.ToString(CultureInfo.InvariantCulture), m => m.Name, ct);
        var services = own.ByKey(FigureMeasures.Participants);
        var serviceIds = services.Keys.Select(int.Parse).ToList();
        var serviceModules = await db.ServiceActivations.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id.ToString(CultureInfo.InvariantCulture), s => s.ModuleKey, ct);
        var moduleNames = await StatsReport.ModuleNamesAsync(db, serviceModules.Values.Distinct().ToList(), ct);
        // Cases by status stay out of the bags above (NotInTotals): read apart, for the org alone.
        var statuses = (await BagsAsync(db.OrgUnits.Where(o => o.Id == scope.Org.Id).Select(o => o.Id), scope.From, scope.To, [FigureMeasures.ByStatus], ct))
            .GetValueOrDefault(scope.Org.Id)?.ByKey(FigureMeasures.ByStatus) ?? [];

        return new FigureBreakdown(orgs[scope.Org.Id], scope.Parent is { } parent ? orgs[parent.Id] : null, Text(scope.From), Text(scope.To),
            Totals(scope.Org.Id), FigureTotals.From(direct, active.GetValueOrDefault(scope.Org.Id) - children.Sum(c => active.GetValueOrDefault(c.Id))),
            children.Select(c => new OrgFigures(orgs[c.Id], Totals(c.Id))).ToList(),
            Keyed(own.ByKey(FigureMeasures.Redemptions), k => k),
            Keyed(merchants, k => merchantNames.GetValueOrDefault(k, k.Length == 0 ? "流程登记" : k)),
            Keyed(services, k => serviceModules.TryGetValue(k, out var m) ? $"{moduleNames.GetValueOrDefault(m, m)} #{k}" : k),
            Keyed(statuses, k => k));
    }

    /// <summary>
    /// The org's figures per ISO week (<c>2026-W49</c>) or local month (<c>2026-12</c>) of the period. An open end (no
    /// <c>from</c> or no <c>to</c> asked) is drawn in to the first or last month holding any of the org's figures, so that
    /// "all time" is the months that have figures, not the 1,200 months of 2000–2099; a period asked keeps its empty ones.
    /// </summary>
    public async Task<FigureTrend> TrendAsync(FigureScope scope, string grain, CancellationToken ct)
    {
        var (from, to) = (scope.From, scope.To);
        if (from == FigurePeriods.First || to == FigurePeriods.Last)
        {
            var months = db.Figures.Where(f => f.OrgUnitId == scope.Org.Id && f.Period >= FigurePeriods.Month(FigurePeriods.First) && f.Period <= FigurePeriods.Month(FigurePeriods.Last));
            if (await months.MinAsync(f => (int?)f.Period, ct) is { } first && await months.MaxAsync(f => (int?)f.Period, ct) is { } last)
            {
                if (from == FigurePeriods.First) from = new DateOnly(first / 100, first % 100, 1);
                if (to == FigurePeriods.Last) to = new DateOnly(last / 100, last % 100, 1).AddMonths(1).AddDays(-1);
            }
            else to = from.AddDays(-1); // no figures at all: no buckets
        }
        var buckets = new List<(string Name, DateOnly From, DateOnly To)>();
        for (var d = from; d <= to;)
        {
            var end = grain == "week" ? d.AddDays(6 - ((int)d.DayOfWeek + 6) % 7) : new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1);
            if (end > to) end = to;
            buckets.Add((grain == "week" ? $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):D2}" : d.ToString("yyyy-MM", CultureInfo.InvariantCulture), d, end));
            d = end.AddDays(1);
        }
        var periodBucket = new Dictionary<int, string>();
        foreach (var (name, first, last) in buckets)
            foreach (var period in FigurePeriods.Cover(first, last)) periodBucket[period] = name;
        var periods = periodBucket.Keys.ToList();
        var rows = await db.Figures.AsNoTracking().Where(f => f.OrgUnitId == scope.Org.Id && periods.Contains(f.Period) && !NotInTotals.Contains(f.Measure))
            .GroupBy(f => new { f.Period, f.Measure, f.Key }).Select(g => new { g.Key.Period, g.Key.Measure, g.Key.Key, Value = g.Sum(f => f.Value) })
            .ToListAsync(ct);
        var bags = buckets.ToDictionary(b => b.Name, _ => new FigureBag());
        foreach (var r in rows) bags[periodBucket[r.Period]].Add(r.Measure, r.Key, r.Value);
        var active = from > FigurePeriods.First
            ? (await ActiveAsync(db.OrgUnits.Where(o => o.Id == scope.Org.Id).Select(o => o.Id), from.AddDays(-1), ct)).GetValueOrDefault(scope.Org.Id) : 0;
        var result = new List<BucketFigures>();
        foreach (var (name, _, _) in buckets)
        {
            active += bags[name].Sum(FigureMeasures.MembersActive);
            result.Add(new BucketFigures(name, FigureTotals.From(bags[name], active)));
        }
        var orgs = await DescribeAsync([scope.Org], ct);
        return new FigureTrend(orgs[scope.Org.Id], grain, result);
    }

    /// <summary>The org's case, task and survey figures per module (members, redemptions and points belong to no module).</summary>
    public async Task<FigureModules> ModulesAsync(FigureScope scope, CancellationToken ct)
    {
        var periods = Periods(scope.From, scope.To);
        var rows = await db.Figures.AsNoTracking().Where(f => f.OrgUnitId == scope.Org.Id && periods.Contains(f.Period) && !NotByModule.Contains(f.Measure) && !NotInTotals.Contains(f.Measure))
            .GroupBy(f => new { f.ModuleKey, f.Measure, f.Key }).Select(g => new { g.Key.ModuleKey, g.Key.Measure, g.Key.Key, Value = g.Sum(f => f.Value) })
            .ToListAsync(ct);
        var bags = new Dictionary<string, FigureBag>();
        foreach (var r in rows)
        {
            if (!bags.TryGetValue(r.ModuleKey, out var bag)) bags[r.ModuleKey] = bag = new FigureBag();
            bag.Add(r.Measure, r.Key, r.Value);
        }
        var names = await StatsReport.ModuleNamesAsync(db, bags.Keys.ToList(), ct);
        var orgs = await DescribeAsync([scope.Org], ct);
        return new FigureModules(orgs[scope.Org.Id], Text(scope.From), Text(scope.To),
            bags.Select(b => new ModuleFigures(b.Key, names.GetValueOrDefault(b.Key, b.Key), FigureTotals.From(b.Value, 0)))
                .OrderByDescending(m => m.Figures.Received).ThenBy(m => m.ModuleKey, StringComparer.Ordinal).ToList());
    }

    public async Task<FigureComparison> CompareAsync(FigureScope scope, DateOnly otherFrom, DateOnly otherTo, CancellationToken ct)
    {
        var org = db.OrgUnits.Where(o => o.Id == scope.Org.Id).Select(o => o.Id);
        async Task<FigureTotals> TotalsAsync(DateOnly from, DateOnly to) =>
            FigureTotals.From((await BagsAsync(org, from, to, null, ct)).GetValueOrDefault(scope.Org.Id) ?? new FigureBag(),
                (await ActiveAsync(org, to, ct)).GetValueOrDefault(scope.Org.Id));
        var current = await TotalsAsync(scope.From, scope.To);
        var other = await TotalsAsync(otherFrom, otherTo);
        var change = FigureTotals.Names.ToDictionary(n => n, n => current.Value(n) is { } a && other.Value(n) is { } b ? Math.Round(a - b, 4) : (double?)null);
        var orgs = await DescribeAsync([scope.Org], ct);
        return new FigureComparison(orgs[scope.Org.Id], new PeriodFigures(Text(scope.From), Text(scope.To), current), new PeriodFigures(Text(otherFrom), Text(otherTo), other), change);
    }

    /// <summary>
    /// The units of <paramref name="level"/> in the org's subtree, sorted by one measure (units without a value, e.g.
    /// no deadline for an on-time rate, last), then by ID; one page with all their figures. <paramref name="limit"/>
    /// null: every unit (the export).
    /// </summary>
    public async Task<FigureRanking> RankingAsync(FigureScope scope, OrgLevel level, string sort, bool descending, int offset, int? limit, CancellationToken ct)
    {
        var units = db.OrgUnits.Within(scope.Org.Path).Where(o => o.Level == level).Select(o => o.Id);
        var unitIds = await units.ToListAsync(ct);
        var measures = FigureTotals.MeasuresFor(sort);
        var bags = measures.Contains(FigureMeasures.MembersActive) ? [] : await BagsAsync(units, scope.From, scope.To, measures, ct, many: true);
        var active = measures.Contains(FigureMeasures.MembersActive) ? await ActiveAsync(units, scope.To, ct, many: true) : [];
        var keyed = unitIds.Select(id => (Id: id, Value: FigureTotals.From(bags.GetValueOrDefault(id) ?? new FigureBag(), active.GetValueOrDefault(id)).Value(sort))).ToList();
        var ordered = (descending
                ? keyed.OrderBy(k => k.Value is null).ThenByDescending(k => k.Value)
                : keyed.OrderBy(k => k.Value is null).ThenBy(k => k.Value))
            .ThenBy(k => k.Id).Skip(offset);
        var page = (limit is { } n ? ordered.Take(n) : ordered).Select(k => k.Id).ToList();
        var rows = await FiguresOfAsync(page, scope.From, scope.To, ct);
        var orgs = await DescribeAsync([scope.Org], ct);
        return new FigureRanking(orgs[scope.Org.Id], level.ToString().ToLowerInvariant(), sort, descending ? "desc" : "asc", unitIds.Count, offset, rows);
    }

    /// <summary>The units of <paramref name="level"/> with the lowest on-time rates (at least <paramref name="minTasks"/> tasks with a deadline), lowest first.</summary>
    public async Task<List<OrgFigures>> HeatAsync(FigureScope scope, OrgLevel level, int limit, int minTasks, CancellationToken ct)
    {
        var units = db.OrgUnits.Within(scope.Org.Path).Where(o => o.Level == level).Select(o => o.Id);
        var bags = await BagsAsync(units, scope.From, scope.To, FigureTotals.MeasuresFor("onTimeRate"), ct, many: true);
        var coldest = bags.Select(b => (Id: b.Key, Totals: FigureTotals.From(b.Value, 0)))
            .Where(b => b.Totals.OnTime + b.Totals.Late >= minTasks && b.Totals.OnTimeRate is not null)
            .OrderBy(b => b.Totals.OnTimeRate).ThenByDescending(b => b.Totals.Late).ThenBy(b => b.Id).Take(limit).Select(b => b.Id).ToList();
        return await FiguresOfAsync(coldest, scope.From, scope.To, ct);
    }

    /// <summary>All figures of the given units, in the given order.</summary>
    private async Task<List<OrgFigures>> FiguresOfAsync(List<int> ids, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var query = db.OrgUnits.Where(o => ids.Contains(o.Id)).Select(o => o.Id);
        var bags = await BagsAsync(query, from, to, null, ct);
        var active = await ActiveAsync(query, to, ct);
        var units = await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var orgs = await DescribeAsync(units, ct);
        return ids.Select(id => new OrgFigures(orgs[id], FigureTotals.From(bags.GetValueOrDefault(id) ?? new FigureBag(), active.GetValueOrDefault(id)))).ToList();
    }

    private static readonly string[] AllMeasures =
    [
        FigureMeasures.Received, FigureMeasures.Finished, FigureMeasures.Rejected, FigureMeasures.HandlingTime, FigureMeasures.OnTime, FigureMeasures.Late,
        FigureMeasures.Escalated, FigureMeasures.Offline, FigureMeasures.MembersJoined, FigureMeasures.Redemptions, FigureMeasures.MerchantRedemptions,
        FigureMeasures.Points, FigureMeasures.Participants,
    ];

    /// <summary>The period's cover plus the timeless rows (participation).</summary>
    private static List<int> Periods(DateOnly from, DateOnly to) => [.. FigurePeriods.Cover(from, to), FigurePeriods.AllTime];

    /// <summary>
    /// Sums per org, measure and key over the period, grouped in the database; <paramref name="measures"/> null: all
    /// but the active stock and the cases by status. <paramref name="many"/>: the orgs are a whole level (a ranking or heat of up to thousands
    /// of units), read through the (measure, period) index rather than by org.
    /// </summary>
    private async Task<Dictionary<int, FigureBag>> BagsAsync(IQueryable<int> orgs, DateOnly from, DateOnly to, string[]? measures, CancellationToken ct, bool many = false)
    {
        var periods = Periods(from, to);
        var figures = OfOrgs(db.Figures.AsNoTracking().Where(f => periods.Contains(f.Period)), orgs, many);
        figures = measures is null ? figures.Where(f => f.Measure != FigureMeasures.MembersActive && !NotInTotals.Contains(f.Measure)) : figures.Where(f => measures.Contains(f.Measure));
        var rows = await figures.GroupBy(f => new { f.OrgUnitId, f.Measure, f.Key })
            .Select(g => new { g.Key.OrgUnitId, g.Key.Measure, g.Key.Key, Value = g.Sum(f => f.Value) }).ToListAsync(ct);
        var bags = new Dictionary<int, FigureBag>();
        foreach (var r in rows)
        {
            if (!bags.TryGetValue(r.OrgUnitId, out var bag)) bags[r.OrgUnitId] = bag = new FigureBag();
            bag.Add(r.Measure, r.Key, r.Value);
        }
        return bags;
    }

    /// <summary>Active members who had joined by the end of <paramref name="to"/>, per org.</summary>
    private async Task<Dictionary<int, long>> ActiveAsync(IQueryable<int> orgs, DateOnly to, CancellationToken ct, bool many = false)
    {
        var periods = FigurePeriods.Cover(FigurePeriods.First, to);
        return await OfOrgs(db.Figures.AsNoTracking().Where(f => f.Measure == FigureMeasures.MembersActive && periods.Contains(f.Period)), orgs, many)
            .GroupBy(f => f.OrgUnitId).Select(g => new { Org = g.Key, Value = g.Sum(f => f.Value) }).ToDictionaryAsync(g => g.Org, g => g.Value, ct);
    }

    /// <summary>
    /// The figures of the given orgs. For a few orgs, by the primary key (org first). For <paramref name="many"/> (a
    /// level of thousands of units), the org is written <c>OrgUnitId + 0</c>, which no index serves: otherwise both
    /// databases seek the primary key once per unit × period × measure (3,000 × ~45 × 2 for a city's on-time ranking,
    /// 345 ms on SQLite), where the (measure, period) index reads a few ranges and the org filter is a hash lookup.
    /// </summary>
    private static IQueryable<Figure> OfOrgs(IQueryable<Figure> figures, IQueryable<int> orgs, bool many) =>
        many ? figures.Where(f => orgs.Contains(f.OrgUnitId + 0)) : figures.Where(f => orgs.Contains(f.OrgUnitId));

    private async Task<Dictionary<int, FigureOrg>> DescribeAsync(IReadOnlyCollection<OrgUnit> units, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).Distinct().ToList();
        var parents = await db.OrgUnits.AsNoTracking().Where(o => o.ParentId != null && ids.Contains(o.ParentId.Value)).Select(o => o.ParentId!.Value).Distinct().ToListAsync(ct);
        return units.DistinctBy(u => u.Id).ToDictionary(u => u.Id, u => new FigureOrg(u.Id, u.Name, u.Level.ToString().ToLowerInvariant(), parents.Contains(u.Id)));
    }

    private static List<KeyedCount> Keyed(Dictionary<string, long> values, Func<string, string> name) =>
        values.Select(v => new KeyedCount(v.Key, name(v.Key), v.Value)).OrderByDescending(k => k.Count).ThenBy(k => k.Key, StringComparer.Ordinal).ToList();

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
