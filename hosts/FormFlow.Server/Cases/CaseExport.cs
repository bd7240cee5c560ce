using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Privacy;
using FormFlow.Server.Snapshots;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace FormFlow.Server.Cases;

/// <summary>
/// The staff case list as an xlsx, every case the filters match (no cap): number, service, status, the applicant's
/// name masked, org, days, and each personal field of the start form masked by its class
/// (<see cref="PiiProtector.Masked"/>), so a file that leaves the office carries nothing usable.
/// </summary>
/// <remarks>
/// A city's export holds hundreds of thousands of cases, so it streams in bounded memory: the columns come first from
/// the snapshots the matched cases use, then the rows are read one by one while the sheet is written to a temporary
/// file (deleted when the answer closes), which the answer then streams.
/// </remarks>
internal sealed class CaseExport(FormFlowDbContext db, SnapshotCatalog snapshots)
{
    public const string Sheet = "案件";
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private static readonly string[] FixedColumns = ["案件编号", "服务", "状态", "申请人", "所属单位", "提交时间", "更新时间", "当前环节"];

    /// <summary>The sheet in a temporary file, positioned at its start; the caller disposes it (which deletes it).</summary>
    public async Task<Stream> XlsxAsync(CaseSearch search, CaseAccess access, CancellationToken ct)
    {
        // Services differ in their personal fields: every row has every column, empty where its form has none. The
        // snapshot used by the newest case comes first, as the rows do.
        var matched = search.Apply(db, access);
        var used = await matched.GroupBy(c => c.SnapshotHash).Select(g => new { Hash = g.Key, Newest = g.Max(c => c.Id) })
            .OrderByDescending(g => g.Newest).ToListAsync(ct);
        // The cases of this moment: one that arrives while the sheet is written is left for the next export.
        var ceiling = used.Count == 0 ? 0 : used[0].Newest;
        matched = matched.Where(c => c.Id <= ceiling);
        var forms = new Dictionary<string, LoadedSnapshot>(StringComparer.Ordinal);
        foreach (var snapshot in used) forms[snapshot.Hash] = await snapshots.RequireAsync(db, snapshot.Hash, ct);
        var columns = FixedColumns.Concat(forms.Values.SelectMany(PersonalColumns).Select(c => c.Column)).Distinct().ToList();
        var orgNames = await db.OrgUnits.AsNoTracking().Where(o => matched.Any(c => c.OrgUnitId == o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            var rows = ceiling == 0 ? [columns.ToDictionary(k => k, _ => (object?)null)] : Rows(matched, forms, orgNames, columns, ct);
            await file.SaveAsAsync(new Dictionary<string, object> { [Sheet] = rows }, excelType: ExcelType.XLSX, cancellationToken: ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The rows, newest case first, from one query read row by row as the writer asks for them (the writer enumerates
    /// synchronously, so the query is read synchronously too). One query, not pages: each page of a filtered query
    /// sorts the whole match again (111,000 cases of a city's four months: 6 s a page).
    /// </summary>
    private IEnumerable<Dictionary<string, object?>> Rows(IQueryable<Case> matched, Dictionary<string, LoadedSnapshot> forms,
        Dictionary<int, string> orgNames, List<string> columns, CancellationToken ct)
    {
        var rows = from c in matched
                   join a in db.Users on c.ApplicantAccountId equals a.Id into applicants
                   from a in applicants.DefaultIfEmpty()
                   orderby c.Id descending
                   select new { Case = c, Applicant = a == null ? "" : a.DisplayName };
        foreach (var row in rows.AsNoTracking().AsEnumerable())
        {
            ct.ThrowIfCancellationRequested();
            yield return Row(row.Case, forms.GetValueOrDefault(row.Case.SnapshotHash), row.Applicant, orgNames.GetValueOrDefault(row.Case.OrgUnitId), columns);
        }
    }

    /// <param name="snapshot">Null for a case moved to another snapshot since the columns were read (a module migration):
    /// its row then holds no personal field, which leaves nothing out that a mask would have kept.</param>
    private static Dictionary<string, object?> Row(Case c, LoadedSnapshot? snapshot, string applicant, string? org, List<string> columns)
    {
        var row = columns.ToDictionary(k => k, _ => (object?)null);
        row["案件编号"] = c.Number;
        row["服务"] = snapshot?.Module["name"] switch { JsonObject texts => (string?)texts["zh-CN"], JsonValue text => text.ToString(), _ => null } ?? c.ModuleKey;
        row["状态"] = c.Status;
        row["申请人"] = Masks.Name(applicant);
        row["所属单位"] = org;
        row["提交时间"] = (c.CreatedAt + ChinaOffset).ToString("yyyy-MM-dd HH:mm");
        row["更新时间"] = (c.UpdatedAt + ChinaOffset).ToString("yyyy-MM-dd HH:mm");
        row["当前环节"] = c.CurrentStep;
        if (snapshot is null) return row;
        var masked = PiiProtector.Masked(snapshot.StartForm.Definition, JsonNode.Parse(c.Data)!.AsObject());
        foreach (var (column, key) in PersonalColumns(snapshot))
            row[column] = masked[key] is JsonValue v && v.TryGetValue<string>(out var text) ? text : masked[key]?.ToJsonString();
        return row;
    }

    /// <summary>The start form's personal fields: the column (the field's Chinese label, else its key) and the key.</summary>
    private static IEnumerable<(string Column, string Key)> PersonalColumns(LoadedSnapshot snapshot) =>
        snapshot.StartForm.Definition.DataFields().Where(f => f.Pii is not null && f.Key is not null)
            .Select(f => (f.Label?.Get("zh-CN") is { Length: > 0 } label ? label : f.Key!, f.Key!));
}
