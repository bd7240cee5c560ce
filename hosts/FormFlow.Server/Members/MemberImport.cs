using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions.Helpers;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Privacy;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Members;

/// <summary>
/// A union's existing members from an Excel sheet (columns 姓名, 身份证号, 手机号, 工会 — or name, residentId, mobile,
/// org): each row becomes a member record with a member number and the benefits of its org, without an account until
/// the person registers with that mobile number (<see cref="ImportedMembers.LinkAsync"/>). The name and resident ID
/// are sealed at rest like form data's personal fields. Every row is checked first (resident ID checksum, mobile,
/// org in the admin's subtree, duplicates in the file or among members); a dry run reports the errors and writes
/// nothing, the real run writes all rows in one transaction or, with any error, none.
/// </summary>
internal sealed class MemberImport(FormFlowDbContext db, IBenefitOffers offers, PiiProtector pii, TimeProvider clock)
{
    public const int MaxRows = 20_000;
    public const int MaxNameLength = 50;

    public async Task<ImportReport> RunAsync(Account admin, string fileId, bool dryRun, CancellationToken ct)
    {
        var (sheet, refusal) = await ImportSheet.ReadAsync(db, admin, fileId, MaxRows, ct);
        if (sheet is null) return ImportReport.Refused("fileId", refusal!);
        var columns = (Name: sheet.Column("姓名", "name"), Id: sheet.Column("身份证号", "身份证号码", "residentId"),
            Mobile: sheet.Column("手机号", "手机号码", "mobile"), Org: sheet.Column("工会", "所属工会", "组织", "org"));
        if (columns.Name is null || columns.Id is null || columns.Mobile is null || columns.Org is null)
            return ImportReport.Refused("fileId", "the first row must name the columns 姓名, 身份证号, 手机号 and 工会 (or name, residentId, mobile and org)");

        var units = new List<OrgUnit>();
        foreach (var root in admin.Roles.Where(r => r.Role == Roles.Admin).Select(r => r.OrgUnit!.Path).Distinct())
            units.AddRange(await db.OrgUnits.AsNoTracking().Within(root).Where(o => o.ArchivedAt == null).ToListAsync(ct));
        var byName = units.DistinctBy(o => o.Id).ToLookup(o => o.Name);
        var (mobiles, residentIds) = await KnownAsync(ct);
        var seenMobiles = new Dictionary<string, int>();
        var seenIds = new Dictionary<string, int>();
        var errors = new List<ImportRowError>();
        var rows = new List<(string Name, string ResidentId, string Mobile, OrgUnit Org, int Row)>();
        var read = 0;

        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var number = i + 2; // the header is row 1
            var name = ImportSheet.Cell(sheet.Rows[i], columns.Name);
            var residentId = ImportSheet.Cell(sheet.Rows[i], columns.Id)?.ToUpperInvariant();
            var mobile = ImportedMembers.Normalise(ImportSheet.Cell(sheet.Rows[i], columns.Mobile));
            var orgName = ImportSheet.Cell(sheet.Rows[i], columns.Org);
            if (name is null && residentId is null && mobile is null && orgName is null) continue;
            read++;
            var before = errors.Count;
            if (name is null) errors.Add(new(number, columns.Name, "a name is required"));
            else if (name.Length > MaxNameLength) errors.Add(new(number, columns.Name, $"the name is longer than {MaxNameLength} characters"));
            if (residentId is null) errors.Add(new(number, columns.Id, "a resident ID is required"));
            else if (!ResidentId.IsValid(residentId)) errors.Add(new(number, columns.Id, $"'{Masks.ResidentId(residentId)}' is not a valid resident ID (18 characters with a matching check digit)"));
            else if (residentIds.Contains(residentId)) errors.Add(new(number, columns.Id, "a member with this resident ID exists already"));
            else if (seenIds.TryGetValue(residentId, out var firstId)) errors.Add(new(number, columns.Id, $"the same resident ID is in row {firstId}"));
            if (mobile is null) errors.Add(new(number, columns.Mobile, "a mobile number is required"));
            else if (!MainlandMobile.IsValid(mobile)) errors.Add(new(number, columns.Mobile, $"'{mobile}' is not a mainland mobile number (11 digits starting with 1)"));
            else if (mobiles.Contains(mobile)) errors.Add(new(number, columns.Mobile, "a member with this mobile number exists already"));
            else if (seenMobiles.TryGetValue(mobile, out var firstMobile)) errors.Add(new(number, columns.Mobile, $"the same mobile number is in row {firstMobile}"));
            OrgUnit? org = null;
            if (orgName is null) errors.Add(new(number, columns.Org, "the union (org unit) is required"));
            else if (byName[orgName].ToList() is var found && found.Count != 1)
                errors.Add(new(number, columns.Org, found.Count == 0 ? $"no unit named '{orgName}' in your admin subtree" : $"{found.Count} units are named '{orgName}'"));
            else org = found[0];
            if (residentId is not null) seenIds.TryAdd(residentId, number);
            if (mobile is not null) seenMobiles.TryAdd(mobile, number);
            if (errors.Count > before) continue;
            rows.Add((name!, residentId!, mobile!, org!, number));
        }

        if (errors.Count > 0 || dryRun) return new ImportReport(dryRun, read, 0, errors, null);
        await WriteAsync(admin, fileId, rows, ct);
        return new ImportReport(false, read, rows.Count, [], null);
    }

    /// <summary>All rows in one transaction: members with fresh numbers and their org's benefits, inserted in batches by one SaveChanges.</summary>
    private async Task WriteAsync(Account admin, string fileId, List<(string Name, string ResidentId, string Mobile, OrgUnit Org, int Row)> rows, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var year = now.ToOffset(Quotas.ChinaStandardTime).Year;
        var numbers = (await db.Members.Select(m => m.MemberNumber).ToListAsync(ct)).ToHashSet();
        var benefits = new Dictionary<int, IReadOnlyList<BenefitOffer>>();
        var batch = Guid.NewGuid().ToString("N");
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var row in rows)
        {
            if (!benefits.TryGetValue(row.Org.Id, out var offered)) benefits[row.Org.Id] = offered = await offers.ForOrgAsync(db, row.Org.Id, ct);
            string number;
            do number = MemberNumbers.New(year); while (!numbers.Add(number));
            var key = $"import:{batch}:{row.Row}";
            db.Members.Add(new Member
            {
                MemberNumber = number, OrgUnitId = row.Org.Id, Since = now.UtcDateTime, IdempotencyKey = key,
                PersonName = pii.SealText(row.Name), ResidentId = pii.SealText(row.ResidentId), Mobile = row.Mobile,
                Entitlements = offered.Select(o => new Entitlement
                {
                    BenefitId = o.BenefitId, Name = o.Name, Quota = o.QuotaPerYear, GrantedAt = now.UtcDateTime, IdempotencyKey = $"{key}:{o.BenefitId}",
                }).ToList(),
            });
        }
        AuditLog.Append(db, admin.UserName!, "member.imported", $"file:{fileId}", AuditLog.OrgOf(admin, Roles.Admin), new JsonObject { ["created"] = rows.Count });
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    /// <summary>
    /// The mobile numbers and resident IDs of stored members, to refuse a second record of one person: mobiles are
    /// stored plain (registration finds records by them), resident IDs sealed, so they are opened here.
    /// </summary>
    private async Task<(HashSet<string> Mobiles, HashSet<string> ResidentIds)> KnownAsync(CancellationToken ct)
    {
        var stored = await db.Members.AsNoTracking().Where(m => m.Mobile != null || m.ResidentId != null)
            .Select(m => new { m.Mobile, m.ResidentId }).ToListAsync(ct);
        return (stored.Where(m => m.Mobile is not null).Select(m => m.Mobile!).ToHashSet(),
                stored.Where(m => m.ResidentId is not null).Select(m => pii.OpenText(m.ResidentId!)).ToHashSet());
    }
}
