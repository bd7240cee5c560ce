using System.Globalization;
using FormFlow.Persistence;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Reports;
using FormFlow.Persistence.Statistics;
using FormFlow.Server.Statistics;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Reports;

internal sealed record ReportColumn(string Key, string Title);
/// <param name="Labels">One per dimension, in the report's order (an org's name, a module's name, a month like 2026-03).</param>
/// <param name="Values">One per measure, in the report's order; null where a rate or time has nothing to count.</param>
internal sealed record ReportRow(List<string> Labels, List<double?> Values);
/// <param name="Scope">The org units counted, by the runner's scope now (several when a narrowed role left only some).</param>
/// <param name="Totals">The measures over the whole scope (never more than the runner may see).</param>
internal sealed record ReportTable(string Name, List<FigureOrg> Scope, string From, string To, string? ModuleKey, List<ReportColumn> Columns, List<ReportRow> Rows, List<double?> Totals);

/// <summary>
/// Runs a report over the kept figures: each cell sums the rows of its org (a whole subtree each) over the fewest
/// periods that cover its month or the report's period (<see cref="FigurePeriods.Cover"/>), grouped in the database.
/// The org dimension lists every unit of the chosen level inside the scope, the month dimension every month of the
/// period, the module dimension the modules that have figures there.
/// </summary>
internal sealed class ReportTables(FormFlowDbContext db)
{
    /// <summary>The most rows a report answers or exports; a larger report is refused naming its dimensions.</summary>
    public const int MaxRows = 100_000;

    public async Task<(ReportTable? Table, ReportRefusal? Refusal)> RunAsync(SavedReport report, IReadOnlyList<OrgUnit> roots, DateTime now, CancellationToken ct)
    {
        var measures = report.Measures.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var dimensions = report.Dimensions.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var (from, to) = ReportTimes.Period(report, now);

        var buckets = new List<(string Name, DateOnly From, DateOnly To)>();
        if (dimensions.Contains("month"))
            for (var d = from; d <= to;)
            {
                var end = new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1);
                if (end > to) end = to;
                buckets.Add((d.ToString("yyyy-MM", CultureInfo.InvariantCulture), d, end));
                d = end.AddDays(1);
            }
        else buckets.Add(("", from, to));

        List<OrgUnit> units = [.. roots];
        if (dimensions.Contains("org"))
        {
            units = [];
            foreach (var root in roots)
                units.AddRange(await db.OrgUnits.AsNoTracking().Within(root.Path).Where(o => o.Level == report.OrgLevel).OrderBy(o => o.Path).ToListAsync(ct));
        }
        var monthCount = dimensions.Contains("month") ? buckets.Count : 1;
        if ((long)units.Count * monthCount > MaxRows)
            return (null, new ReportRefusal(StatusCodes.Status400BadRequest, "Report too large", $"the report would have more than {MaxRows} rows; choose a higher org level or a shorter period", "dimensions"));

        var stored = measures.SelectMany(FigureTotals.MeasuresFor).Where(m => m != FigureMeasures.MembersActive).Distinct().ToArray();
        var byModule = dimensions.Contains("module");
        var cells = await SumAsync(units.Select(u => u.Id).ToList(), buckets, stored, report.ModuleKey, byModule, ct);
        var totals = await SumAsync(roots.Select(u => u.Id).ToList(), [("", from, to)], stored, report.ModuleKey, false, ct);
        var needsActive = measures.Contains("membersActive");
        var active = needsActive ? await ActiveAsync(units.Select(u => u.Id).ToList(), buckets.Select(b => b.To).ToList(), ct) : [];
        var activeTotal = needsActive ? (await ActiveAsync(roots.Select(u => u.Id).ToList(), [to], ct)).Where(a => a.Key.Bucket == to).Sum(a => a.Value) : 0;

        var modules = byModule ? cells.Keys.Select(k => k.Module).Distinct().Order(StringComparer.Ordinal).ToList() : [""];
        var moduleNames = await StatsReport.ModuleNamesAsync(db, [.. modules, .. report.ModuleKey is { } m ? [m] : Array.Empty<string>()], ct);
        var rows = new List<ReportRow>();
        foreach (var unit in dimensions.Contains("org") ? units : [units[0]])
            foreach (var module in modules)
                foreach (var bucket in buckets)
                {
                    var orgIds = dimensions.Contains("org") ? [unit.Id] : units.Select(u => u.Id).ToList();
                    var bag = new FigureBag();
                    var present = false;
                    foreach (var id in orgIds)
                        if (cells.TryGetValue((id, module, bucket.Name), out var cell)) { present = true; cell.AddTo(bag); }
                    if (byModule && !present) continue;
                    var figures = FigureTotals.From(bag, orgIds.Sum(id => active.GetValueOrDefault((id, bucket.To))));
                    var labels = dimensions.Select(d => d switch
                    {
                        "org" => unit.Name,
                        "module" => moduleNames.GetValueOrDefault(module, module),
                        _ => bucket.Name,
                    }).ToList();
                    rows.Add(new ReportRow(labels, [.. measures.Select(figures.Value)]));
                }
        if (dimensions.Length == 0) rows.Clear();

        var totalBag = new FigureBag();
        foreach (var cell in totals.Values) cell.AddTo(totalBag);
        var totalFigures = FigureTotals.From(totalBag, activeTotal);
        var columns = dimensions.Select(d => new ReportColumn(d, d switch { "org" => "单位", "module" => "模块", _ => "月份" }))
            .Concat(measures.Select(n => new ReportColumn(n, FigureTotals.Titles[Array.IndexOf(FigureTotals.Names, n)]))).ToList();
        var scope = roots.Select(r => new FigureOrg(r.Id, r.Name, r.Level.ToString().ToLowerInvariant(), true)).ToList();
        return (new ReportTable(report.Name, scope, FigureReader.Text(from), FigureReader.Text(to), report.ModuleKey, columns, rows,
            [.. measures.Select(totalFigures.Value)]), null);
    }

    /// <summary>The table as sheet rows: one per row, then 合计 (the scope's totals).</summary>
    public static IEnumerable<Dictionary<string, object?>> Sheet(ReportTable table)
    {
        var dimensions = table.Columns.Count - table.Totals.Count;
        foreach (var row in table.Rows)
        {
            var cells = new Dictionary<string, object?>();
            for (var i = 0; i < table.Columns.Count; i++) cells[table.Columns[i].Title] = i < dimensions ? row.Labels[i] : row.Values[i - dimensions];
            yield return cells;
        }
        var total = new Dictionary<string, object?>();
        if (dimensions == 0) total["范围"] = string.Join("、", table.Scope.Select(s => s.Name)) + "（合计）";
        for (var i = 0; i < table.Columns.Count; i++) total[table.Columns[i].Title] = i < dimensions ? (i == 0 ? "合计" : "") : table.Totals[i - dimensions];
        yield return total;
    }

    /// <summary>The sums per org, module (when broken down by it) and bucket: measure and key → value.</summary>
    private async Task<Dictionary<(int Org, string Module, string Bucket), Cell>> SumAsync(
        List<int> orgs, List<(string Name, DateOnly From, DateOnly To)> buckets, string[] measures, string? moduleKey, bool byModule, CancellationToken ct)
    {
        var periodBucket = new Dictionary<int, string>();
        foreach (var (name, from, to) in buckets)
            foreach (var period in FigurePeriods.Cover(from, to)) periodBucket[period] = name;
        // Participation keeps no time: its rows (period 0) count in a report without months (the definition refuses it with them).
        if (buckets.Count == 1) periodBucket[FigurePeriods.AllTime] = buckets[0].Name;
        var periods = periodBucket.Keys.ToList();
        var cells = new Dictionary<(int, string, string), Cell>();
        if (measures.Length == 0 || orgs.Count == 0) return cells;
        var figures = db.Figures.AsNoTracking().Where(f => orgs.Contains(f.OrgUnitId) && periods.Contains(f.Period) && measures.Contains(f.Measure));
        if (moduleKey is not null) figures = figures.Where(f => f.ModuleKey == moduleKey);
        var rows = await figures.GroupBy(f => new { f.OrgUnitId, f.ModuleKey, f.Period, f.Measure, f.Key })
            .Select(g => new { g.Key.OrgUnitId, g.Key.ModuleKey, g.Key.Period, g.Key.Measure, g.Key.Key, Value = g.Sum(f => f.Value) }).ToListAsync(ct);
        foreach (var r in rows)
        {
            var key = (r.OrgUnitId, byModule ? r.ModuleKey : "", periodBucket[r.Period]);
            if (!cells.TryGetValue(key, out var cell)) cells[key] = cell = new Cell();
            cell.Add(r.Measure, r.Key, r.Value);
        }
        return cells;
    }

    /// <summary>Active members who had joined by the end of each date, per org.</summary>
    private async Task<Dictionary<(int Org, DateOnly Bucket), long>> ActiveAsync(List<int> orgs, List<DateOnly> ends, CancellationToken ct)
    {
        var covers = ends.Distinct().ToDictionary(e => e, e => FigurePeriods.Cover(FigurePeriods.First, e));
        var periods = covers.Values.SelectMany(c => c).Distinct().ToList();
        var rows = await db.Figures.AsNoTracking().Where(f => f.Measure == FigureMeasures.MembersActive && orgs.Contains(f.OrgUnitId) && periods.Contains(f.Period))
            .GroupBy(f => new { f.OrgUnitId, f.Period }).Select(g => new { g.Key.OrgUnitId, g.Key.Period, Value = g.Sum(f => f.Value) }).ToListAsync(ct);
        var result = new Dictionary<(int, DateOnly), long>();
        foreach (var (end, cover) in covers)
        {
            var inCover = cover.ToHashSet();
            foreach (var r in rows.Where(r => inCover.Contains(r.Period)))
                result[(r.OrgUnitId, end)] = result.GetValueOrDefault((r.OrgUnitId, end)) + r.Value;
        }
        return result;
    }

    /// <summary>One cell's sums, kept as entries so several orgs' cells add into one <see cref="FigureBag"/>.</summary>
    private sealed class Cell
    {
        private readonly List<(string Measure, string Key, long Value)> entries = [];

        public void Add(string measure, string key, long value) => entries.Add((measure, key, value));

        public void AddTo(FigureBag bag)
        {
            foreach (var (measure, key, value) in entries) bag.Add(measure, key, value);
        }
    }
}
