using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Modules;
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
    /// Cases submitted in the period by applicants in the scope's orgs; deadlines of their steps (met: completed by
    /// the due time; missed: completed late, or still open past it); members whose membership began in the period.
    /// </summary>
    public static async Task<StatsReport> BuildAsync(FormFlowDbContext db, StatsScope scope, DateTime now, CancellationToken ct)
    {
        var cases = db.Cases.AsNoTracking()
            .Where(c => scope.OrgIds.Contains(c.OrgUnitId) && c.CreatedAt >= scope.FromUtc && c.CreatedAt < scope.ToUtc);
        var rows = await cases.Select(c => new { c.ModuleKey, c.Status, c.CreatedAt }).ToListAsync(ct);
        var names = await ModuleNamesAsync(db, rows.Select(r => r.ModuleKey).Distinct().ToList(), ct);

        var deadlines = await db.CaseTasks.AsNoTracking()
            .Where(t => t.DueAt != null && cases.Select(c => c.Id).Contains(t.CaseId))
            .Select(t => new { Due = t.DueAt!.Value, t.CompletedAt }).ToListAsync(ct);
        var met = deadlines.Count(t => t.CompletedAt is { } done && done <= t.Due);
        var missed = deadlines.Count(t => (t.CompletedAt ?? now) > t.Due);

        var joined = await db.Members.AsNoTracking()
            .Where(m => scope.OrgIds.Contains(m.OrgUnitId) && m.Since >= scope.FromUtc && m.Since < scope.ToUtc)
            .Select(m => m.Since).ToListAsync(ct);

        return new StatsReport(
            rows.GroupBy(r => r.ModuleKey).Select(g => new ModuleCount(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count()))
                .OrderByDescending(m => m.Count).ThenBy(m => m.ModuleKey, StringComparer.Ordinal).ToList(),
            rows.GroupBy(r => r.Status).Select(g => new StatusCount(g.Key, g.Count())).OrderBy(s => s.Status, StringComparer.Ordinal).ToList(),
            PerMonth(rows.Select(r => r.CreatedAt)),
            new DeadlineCounts(met, missed),
            PerMonth(joined));
    }

    private static List<MonthCount> PerMonth(IEnumerable<DateTime> times) =>
        times.GroupBy(StatsScope.Month).Select(g => new MonthCount(g.Key, g.Count())).OrderBy(m => m.Month, StringComparer.Ordinal).ToList();

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
