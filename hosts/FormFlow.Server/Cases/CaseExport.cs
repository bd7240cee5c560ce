using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Orgs;
using FormFlow.Server.Privacy;
using FormFlow.Server.Snapshots;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace FormFlow.Server.Cases;

/// <summary>
/// The staff case list as an xlsx, every case the filters match (read in batches, no cap): number, service, status,
/// the applicant's name masked, org, days, and each personal field of the start form masked by its class
/// (<see cref="PiiProtector.Masked"/>), so a file that leaves the office carries nothing usable.
/// </summary>
internal sealed class CaseExport(FormFlowDbContext db, SnapshotCatalog snapshots, OrgDirectory orgs)
{
    public const string Sheet = "案件";
    private const int Batch = 500;
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<byte[]> XlsxAsync(CaseSearch search, CaseAccess access, CancellationToken ct)
    {
        var rows = new List<Dictionary<string, object?>>();
        var columns = new List<string> { "案件编号", "服务", "状态", "申请人", "所属单位", "提交时间", "更新时间", "当前环节" };
        long? before = null;
        while (true)
        {
            var query = search.Apply(db, access);
            if (before is { } b) query = query.Where(c => c.Id < b);
            var batch = await query.OrderByDescending(c => c.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) break;
            var ids = batch.Select(c => c.ApplicantAccountId).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
            foreach (var c in batch) rows.Add(await RowAsync(c, names.GetValueOrDefault(c.ApplicantAccountId, ""), columns, ct));
            before = batch[^1].Id;
        }
        // Services differ in their personal fields: every row gets every column, empty where its form has none.
        var sheet = rows.Select(r => columns.ToDictionary(k => k, k => r.GetValueOrDefault(k))).ToList();
        if (sheet.Count == 0) sheet.Add(columns.ToDictionary(k => k, _ => (object?)null));
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [Sheet] = sheet }, excelType: ExcelType.XLSX, cancellationToken: ct);
        return stream.ToArray();
    }

    private async Task<Dictionary<string, object?>> RowAsync(Case c, string applicant, List<string> columns, CancellationToken ct)
    {
        var snapshot = await snapshots.RequireAsync(db, c.SnapshotHash, ct);
        await orgs.EnsureAsync(db, c.OrgUnitId, ct);
        var row = new Dictionary<string, object?>
        {
            ["案件编号"] = c.Number,
            ["服务"] = snapshot.Module["name"] switch { JsonObject texts => (string?)texts["zh-CN"], JsonValue text => text.ToString(), _ => null } ?? c.ModuleKey,
            ["状态"] = c.Status,
            ["申请人"] = Masks.Name(applicant),
            ["所属单位"] = orgs.NameOf(c.OrgUnitId),
            ["提交时间"] = (c.CreatedAt + ChinaOffset).ToString("yyyy-MM-dd HH:mm"),
            ["更新时间"] = (c.UpdatedAt + ChinaOffset).ToString("yyyy-MM-dd HH:mm"),
            ["当前环节"] = c.CurrentStep,
        };
        var form = snapshot.StartForm.Definition;
        var masked = PiiProtector.Masked(form, JsonNode.Parse(c.Data)!.AsObject());
        foreach (var field in form.DataFields().Where(f => f.Pii is not null && f.Key is not null))
        {
            var column = field.Label?.Get("zh-CN") is { Length: > 0 } label ? label : field.Key!;
            if (!columns.Contains(column)) columns.Add(column);
            row[column] = masked[field.Key!] is JsonValue v && v.TryGetValue<string>(out var text) ? text : masked[field.Key!]?.ToJsonString();
        }
        return row;
    }
}
