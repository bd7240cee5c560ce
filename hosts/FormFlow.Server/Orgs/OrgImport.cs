using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Orgs;

/// <summary>
/// A hierarchy from an Excel sheet (columns 名称, 级别, 上级 — or name, level, parent): each row a new unit under an
/// existing unit of the admin's subtree or a unit of an earlier row, found by its name. Every row is checked before
/// anything is written; a dry run reports the errors (row, column, reason) and writes nothing, and the real run
/// writes all rows in one transaction or, with any error, none.
/// </summary>
internal sealed class OrgImport(FormFlowDbContext db, OrgDirectory directory)
{
    public const int MaxRows = 10_000;

    private static readonly string[] NameHeaders = ["名称", "name"], LevelHeaders = ["级别", "level"], ParentHeaders = ["上级", "parent"];

    private static readonly Dictionary<string, OrgLevel> LevelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["全国"] = OrgLevel.National, ["省"] = OrgLevel.Province, ["省级"] = OrgLevel.Province, ["市"] = OrgLevel.City, ["市级"] = OrgLevel.City,
        ["区"] = OrgLevel.District, ["区县"] = OrgLevel.District, ["县"] = OrgLevel.District, ["街道"] = OrgLevel.Street, ["乡镇"] = OrgLevel.Street,
        ["基层"] = OrgLevel.Grassroots, ["基层工会"] = OrgLevel.Grassroots,
    };

    public async Task<OrgImportReport> RunAsync(Account admin, string fileId, bool dryRun, CancellationToken ct)
    {
        var (sheet, refusal) = await ImportSheet.ReadAsync(db, admin, fileId, MaxRows, ct);
        if (sheet is null) return OrgImportReport.Refused("fileId", refusal!);
        var rows = sheet.Rows;
        var columns = (Name: sheet.Column(NameHeaders), Level: sheet.Column(LevelHeaders), Parent: sheet.Column(ParentHeaders));
        if (columns.Name is null || columns.Level is null || columns.Parent is null)
            return OrgImportReport.Refused("fileId", "the first row must name the columns 名称, 级别 and 上级 (or name, level and parent)");

        var admins = admin.Roles.Where(r => r.Role == Roles.Admin).Select(r => r.OrgUnit!.Path).ToList();
        var existing = new List<OrgUnit>();
        foreach (var root in admins) existing.AddRange(await db.OrgUnits.Within(root).Where(o => o.ArchivedAt == null).ToListAsync(ct));
        var byName = existing.DistinctBy(o => o.Id).ToLookup(o => o.Name);
        var added = new Dictionary<string, List<OrgUnit>>();
        var errors = new List<OrgImportError>();
        var units = new List<(OrgUnit Unit, OrgUnit Parent)>();
        // Child names per parent (stored or new), to refuse a second unit of one name under one parent.
        var existingChildren = existing.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value, o => o.Name);
        var childNames = new Dictionary<OrgUnit, HashSet<string>>(ReferenceEqualityComparer.Instance);
        HashSet<string> NamesUnder(OrgUnit parent) => childNames.TryGetValue(parent, out var names) ? names
            : childNames[parent] = parent.Id == 0 ? [] : existingChildren[parent.Id].ToHashSet();
        var read = 0;

        for (var i = 0; i < rows.Count; i++)
        {
            var number = i + 2; // the header is row 1
            var name = ImportSheet.Cell(rows[i], columns.Name);
            var levelText = ImportSheet.Cell(rows[i], columns.Level);
            var parentName = ImportSheet.Cell(rows[i], columns.Parent);
            if (name is null && levelText is null && parentName is null) continue;
            read++;
            var rowErrors = errors.Count;
            if (name is null) errors.Add(new(number, columns.Name, "a name is required"));
            else if (name.Length > OrgAdministration.MaxNameLength) errors.Add(new(number, columns.Name, $"the name is longer than {OrgAdministration.MaxNameLength} characters"));
            OrgLevel? level = levelText is null ? null : LevelWords.TryGetValue(levelText, out var word) ? word : Enum.TryParse<OrgLevel>(levelText, true, out var parsed) && !int.TryParse(levelText, out _) ? parsed : null;
            if (level is null) errors.Add(new(number, columns.Level, levelText is null ? "a level is required" : $"'{levelText}' is not a level: one of 市, 区, 街道, 基层 (or {OrgAdministration.Levels})"));
            OrgUnit? parent = null;
            if (parentName is null) errors.Add(new(number, columns.Parent, "the parent unit is required"));
            else
            {
                var candidates = byName[parentName].Concat(added.GetValueOrDefault(parentName) ?? []).ToList();
                if (candidates.Count == 0) errors.Add(new(number, columns.Parent, $"no unit named '{parentName}' in your subtree or in an earlier row"));
                else if (candidates.Count > 1) errors.Add(new(number, columns.Parent, $"{candidates.Count} units are named '{parentName}'; rename one first"));
                else parent = candidates[0];
            }
            if (parent is not null && level is { } l && l <= parent.Level)
                errors.Add(new(number, columns.Level, $"a {OrgAdministration.Text(l)} unit cannot sit under the {OrgAdministration.Text(parent.Level)} unit '{parent.Name}'"));
            if (parent is not null && name is not null && NamesUnder(parent).Contains(name))
                errors.Add(new(number, columns.Name, $"'{parent.Name}' already has a unit named '{name}'"));
            if (errors.Count > rowErrors) continue;

            var unit = new OrgUnit { Name = name!, Level = level!.Value };
            units.Add((unit, parent!));
            NamesUnder(parent!).Add(name!);
            (added.TryGetValue(name!, out var same) ? same : added[name!] = []).Add(unit);
        }

        if (errors.Count > 0 || dryRun) return new OrgImportReport(dryRun, read, 0, errors, null);
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        await OrgUnits.AddManyAsync(db, units, ct);
        AuditLog.Append(db, admin.UserName!, "org.imported", $"file:{fileId}", AuditLog.OrgOf(admin, Roles.Admin), new JsonObject { ["created"] = units.Count });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        directory.Forget();
        return new OrgImportReport(false, read, units.Count, [], null);
    }
}

/// <param name="Rows">The rows read (blank rows left out).</param>
/// <param name="Created">The units written: 0 for a dry run or when any row has an error.</param>
/// <param name="Refusal">Why the file as a whole was refused (field, reason), before any row was read.</param>
internal sealed record OrgImportReport(bool DryRun, int Rows, int Created, List<OrgImportError> Errors, (string Field, string Reason)? Refusal)
{
    public static OrgImportReport Refused(string field, string reason) => new(false, 0, 0, [], (field, reason));
}

/// <param name="Row">The sheet's row number (the header is row 1).</param>
/// <param name="Column">The column's header as written in the sheet.</param>
internal sealed record OrgImportError(int Row, string Column, string Reason);
