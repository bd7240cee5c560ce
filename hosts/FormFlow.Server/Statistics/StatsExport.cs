using System.Globalization;
using FormFlow.Persistence;
using FormFlow.Server.Cases;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Statistics;

/// <summary>
/// The dashboard as a file. The xlsx holds a summary sheet (the report's numbers) and a case list sheet; the csv
/// holds the summary. Neither carries personal data: the case list names number, module, status, step, union and
/// time — never the applicant or any form field.
/// </summary>
internal static class StatsExport
{
    public const string SummarySheet = "汇总";
    public const string CasesSheet = "案件";

    public static async Task<byte[]> XlsxAsync(FormFlowDbContext db, StatsScope scope, StatsReport report, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>
        {
            [SummarySheet] = Summary(report),
            [CasesSheet] = await CaseListAsync(db, scope, ct),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: ct);
        return stream.ToArray();
    }

    public static async Task<byte[]> CsvAsync(StatsReport report, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(Summary(report), excelType: ExcelType.CSV, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>One row per number: 指标 (what), 项目 (which), 数量 (how many).</summary>
    private static List<Dictionary<string, object>> Summary(StatsReport report)
    {
        static Dictionary<string, object> Row(string what, string which, int count) => new() { ["指标"] = what, ["项目"] = which, ["数量"] = count };
        return
        [
            .. report.ByModule.Select(m => Row("按模块", m.Name, m.Count)),
            .. report.ByStatus.Select(s => Row("按状态", s.Status, s.Count)),
            .. report.ByMonth.Select(m => Row("按月", m.Month, m.Count)),
            Row("按期办结", "met", report.DeadlinesMet.Met),
            Row("按期办结", "missed", report.DeadlinesMet.Missed),
            .. report.MembersJoined.Select(m => Row("新入会会员", m.Month, m.Count)),
        ];
    }

    private static async Task<List<Dictionary<string, object>>> CaseListAsync(FormFlowDbContext db, StatsScope scope, CancellationToken ct)
    {
        var rows = await db.Cases.AsNoTracking()
            .Where(c => scope.OrgIds.Contains(c.OrgUnitId) && c.CreatedAt >= scope.FromUtc && c.CreatedAt < scope.ToUtc)
            .OrderBy(c => c.Id)
            .Join(db.OrgUnits.AsNoTracking(), c => c.OrgUnitId, o => o.Id,
                (c, o) => new { c.Number, c.ModuleKey, c.Status, c.CurrentStep, Org = o.Name, c.CreatedAt })
            .ToListAsync(ct);
        var names = await StatsReport.ModuleNamesAsync(db, rows.Select(r => r.ModuleKey).Distinct().ToList(), ct);
        return rows.Select(r => new Dictionary<string, object>
        {
            ["案件编号"] = r.Number,
            ["模块"] = names.GetValueOrDefault(r.ModuleKey, r.ModuleKey),
            ["状态"] = r.Status,
            ["当前步骤"] = r.CurrentStep ?? "",
            ["工会组织"] = r.Org,
            ["提交时间"] = new DateTimeOffset(r.CreatedAt, TimeSpan.Zero).ToOffset(CaseNumbers.LocalOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }).ToList();
    }
}
