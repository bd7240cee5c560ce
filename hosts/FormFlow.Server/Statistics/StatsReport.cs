using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Statistics;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Statistics;

internal sealed record ModuleCount(string ModuleKey, string Name, int Count);
internal sealed record StatusCount(string Status, int Count);
internal sealed record MonthCount(string Month, int Count);
internal sealed record DeadlineCounts(int Met, int Missed);

/// <summary>The dashboard's numbers for a scope. Aggregates only: no applicant, no form data.</summary>
internal sealed record StatsReport(
    List<ModuleCount> ByModule, List<StatusCount> ByStatus, List<MonthCount> ByMonth, DeadlineCounts DeadlinesMet, List<MonthCount> MembersJoined)
{
    /// <summary>
    /// Cases submitted in the period by applicants in the scope's orgs, by module, by the status they have now and by
    /// month; deadlines of their steps (met: completed by the due time; missed: completed late, or still open past it);
    /// members whose membership began in the period. All but the open steps come from the figures kept up to date
    /// (<see cref="FigureMeasures.Received"/>, <see cref="FigureMeasures.ByStatus"/>, <see cref="FigureMeasures.StepDeadlines"/>,
    /// <see cref="FigureMeasures.MembersJoined"/> of the scope's roots): a city's period is a few thousand rows instead
    /// of a million cases and their tasks. The steps open past their due time at <paramref name="now"/>, which no figure
    /// kept as work happens can know, are counted live (<see cref="OpenPastDueAsync"/>).
    /// </summary>
    public static async Task<StatsReport> BuildAsync(FormFlowDbContext db, StatsScope scope, DateTime now, CancellationToken ct)
    {
        // The figures hold 2000–2099: the period is read within those years, the open steps' cases too.
        var period = scope with
        {
            FromDay = scope.FromDay < FigurePeriods.First ? FigurePeriods.First : scope.FromDay,
            ToDay = scope.ToDay > FigurePeriods.Last ? FigurePeriods.Last : scope.ToDay,
        };
        if (period.FromDay > period.ToDay) return new StatsReport([], [], [], new DeadlineCounts(0, 0), []);
        var figures = await MonthlyFiguresAsync(db, period, ct);
        var received = figures.Where(f => f.Measure == FigureMeasures.Received).ToList();
        var names = await ModuleNamesAsync(db, received.Select(r => r.ModuleKey).Distinct().ToList(), ct);

        static List<(string Key, int Count)> Sums(IEnumerable<MonthFigure> rows, Func<MonthFigure, string> by) =>
            rows.GroupBy(by).Select(g => (g.Key, Count: (int)g.Sum(r => r.Value))).Where(g => g.Count != 0).ToList();
        var steps = figures.Where(f => f.Measure == FigureMeasures.StepDeadlines).ToList();
        int Steps(string key) => (int)steps.Where(s => s.Key == key).Sum(s => s.Value);
        return new StatsReport(
            Sums(received, r => r.ModuleKey).Select(m => new ModuleCount(m.Key, names.GetValueOrDefault(m.Key, m.Key), m.Count))
                .OrderByDescending(m => m.Count).ThenBy(m => m.ModuleKey, StringComparer.Ordinal).ToList(),
            Sums(figures.Where(f => f.Measure == FigureMeasures.ByStatus), r => r.Key).Select(s => new StatusCount(s.Key, s.Count))
                .OrderBy(s => s.Status, StringComparer.Ordinal).ToList(),
            PerMonth(Sums(received, r => r.Month)),
            new DeadlineCounts(Steps(FigureRules.DeadlineMet), Steps(FigureRules.DeadlineLate) + await OpenPastDueAsync(db, period, received.Sum(r => r.Value), now, ct)),
            PerMonth(Sums(figures.Where(f => f.Measure == FigureMeasures.MembersJoined), r => r.Month)));
    }

    private sealed record MonthFigure(string Month, string Measure, string ModuleKey, string Key, long Value);

    /// <summary>
    /// The scope's figures of cases received, by status, their steps' deadlines and members joined, summed per local month
    /// (<c>2026-03</c>), module and key. A whole month of the period is read from its month row, the days of a month the
    /// period covers in part from their day rows; never a year row, which would not split into months. The period lies
    /// within the figures' years, 2000–2099.
    /// </summary>
    private static async Task<List<MonthFigure>> MonthlyFiguresAsync(FormFlowDbContext db, StatsScope scope, CancellationToken ct)
    {
        var (firstDays, months, lastDays) = MonthRanges(scope.FromDay, scope.ToDay);
        string[] measures = [FigureMeasures.Received, FigureMeasures.ByStatus, FigureMeasures.StepDeadlines, FigureMeasures.MembersJoined];
        var rows = await db.Figures.AsNoTracking()
            .Where(f => scope.RootIds.Contains(f.OrgUnitId) && measures.Contains(f.Measure)
                && (f.Period >= firstDays.From && f.Period <= firstDays.To || f.Period >= months.From && f.Period <= months.To || f.Period >= lastDays.From && f.Period <= lastDays.To))
            .GroupBy(f => new { f.Period, f.Measure, f.ModuleKey, f.Key })
            .Select(g => new { g.Key.Period, g.Key.Measure, g.Key.ModuleKey, g.Key.Key, Value = g.Sum(f => f.Value) })
            .ToListAsync(ct);
        // A day period is yyyyMMdd, a month yyyyMM.
        static string Month(int period) => period >= 1_000_000 ? $"{period / 10000:D4}-{period / 100 % 100:D2}" : $"{period / 100:D4}-{period % 100:D2}";
        return rows.Select(r => new MonthFigure(Month(r.Period), r.Measure, r.ModuleKey, r.Key, r.Value)).ToList();
    }

    /// <summary>
    /// Steps with a due time still open past it at <paramref name="now"/>, of the cases submitted in the period by the
    /// scope's applicants (<paramref name="cases"/> of them, as the figures say). Counted from the smaller side, each
    /// row of it looked up by key in the other: the steps open past due (found in their own index, a count of which
    /// costs little), each one's case; or the scope's cases, each one's steps. SQLite keeps no statistics to choose by:
    /// a city's million cases and all their steps took 5 s, a district's few through all of the city's open steps
    /// needlessly long.
    /// </summary>
    private static async Task<int> OpenPastDueAsync(FormFlowDbContext db, StatsScope scope, long cases, DateTime now, CancellationToken ct)
    {
        var open = db.CaseTasks.AsNoTracking().Where(t => t.CompletedAt == null && t.DueAt < now);
        var submitted = db.Cases.AsNoTracking().Where(c => scope.OrgIds.Contains(c.OrgUnitId) && c.CreatedAt >= scope.FromUtc && c.CreatedAt < scope.ToUtc);
        if (cases < await open.CountAsync(ct)) return await submitted.Join(open, c => c.Id, t => t.CaseId, (c, _) => c.Id).CountAsync(ct);
        // Asked for the same as one join, PostgreSQL hashed every case of the scope instead of looking up the few open
        // steps' cases (a district of the 1M city: 350,000 cases, 4 s); so the steps' cases are read first, then looked
        // up by key (one array or JSON parameter, however many).
        var steps = await open.Select(t => t.CaseId).ToListAsync(ct);
        var ids = steps.Distinct().ToList();
        var inScope = (await submitted.Where(c => EF.Parameter(ids).Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        return steps.Count(inScope.Contains);
    }

    /// <summary>
    /// The period rows that cover the local dates <paramref name="from"/> to <paramref name="to"/> (inclusive) by month:
    /// the days of a partial first month, the whole months, the days of a partial last month; each an inclusive range of
    /// periods, empty as (1, 0).
    /// </summary>
    internal static ((int From, int To) FirstDays, (int From, int To) Months, (int From, int To) LastDays) MonthRanges(DateOnly from, DateOnly to)
    {
        (int, int) none = (1, 0);
        static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);
        static DateOnly LastOfMonth(DateOnly d) => FirstOfMonth(d).AddMonths(1).AddDays(-1);
        if (FirstOfMonth(from) == FirstOfMonth(to) && (from.Day != 1 || to != LastOfMonth(to)))
            return ((FigurePeriods.Day(from), FigurePeriods.Day(to)), none, none);
        var firstDays = from.Day == 1 ? none : (FigurePeriods.Day(from), FigurePeriods.Day(LastOfMonth(from)));
        var lastDays = to == LastOfMonth(to) ? none : (FigurePeriods.Day(FirstOfMonth(to)), FigurePeriods.Day(to));
        var firstMonth = from.Day == 1 ? from : FirstOfMonth(from).AddMonths(1);
        var lastMonth = to == LastOfMonth(to) ? to : FirstOfMonth(to).AddDays(-1);
        var months = firstMonth <= lastMonth ? (FigurePeriods.Month(firstMonth), FigurePeriods.Month(lastMonth)) : none;
        return (firstDays, months, lastDays);
    }

    private static List<MonthCount> PerMonth(IEnumerable<(string Month, int Count)> months) =>
        months.Select(m => new MonthCount(m.Month, m.Count)).OrderBy(m => m.Month, StringComparer.Ordinal).ToList();

    /// <summary>Module key → the Chinese name of its template (derived modules share the key and the name).</summary>
    internal static async Task<Dictionary<string, string>> ModuleNamesAsync(FormFlowDbContext db, List<string> keys, CancellationToken ct)
    {
        var templates = await db.Modules.AsNoTracking().Where(m => keys.Contains(m.Key) && m.Kind == ModuleKinds.Template)
            .Select(m => new { m.Key, m.Name }).ToListAsync(ct);
        return templates.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => ChineseName(g.First().Name) ?? g.Key);
    }

    private static string? ChineseName(string json) => JsonNode.Parse(json) switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonObject o => (o["zh-CN"] ?? o.Select(p => p.Value).FirstOrDefault())?.GetValue<string>(),
        _ => null,
    };
}
