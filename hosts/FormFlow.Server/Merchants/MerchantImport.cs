using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Members;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Merchants;

/// <summary>
/// Merchants from an Excel sheet (columns 名称, 类别, 区域 required; 编号, 地址, 优惠, 权益, 开始日期, 结束日期, 联系人,
/// 联系电话 optional — or their English names): each row a new merchant in a district of the admin's subtree, found by
/// its name. Every row is checked first; a dry run reports the errors (row, column, reason) and writes nothing, and
/// the real run writes all rows in one transaction or, with any error, none.
/// </summary>
internal sealed class MerchantImport(FormFlowDbContext db, IBenefitOffers offers, MerchantAdministration administration)
{
    public const int MaxRows = 5_000;

    /// <summary>Input field → the headers that may name its column.</summary>
    private static readonly (string Field, string[] Headers)[] Columns =
    [
        ("code", ["编号", "code"]), ("name", ["名称", "商户名称", "name"]), ("category", ["类别", "category"]),
        ("address", ["地址", "address"]), ("districtId", ["区域", "所属区域", "district"]), ("discount", ["优惠", "优惠内容", "discount"]),
        ("benefits", ["权益", "可核销权益", "benefits"]), ("activeFrom", ["开始日期", "activeFrom"]), ("activeUntil", ["结束日期", "activeUntil"]),
        ("contactName", ["联系人", "contactName"]), ("contactPhone", ["联系电话", "contactPhone"]),
    ];

    private static readonly char[] BenefitSeparators = [',', '，', '、', ';', '；', ' '];

    public async Task<ImportReport> RunAsync(Account admin, string fileId, bool dryRun, CancellationToken ct)
    {
        var (sheet, refusal) = await ImportSheet.ReadAsync(db, admin, fileId, MaxRows, ct);
        if (sheet is null) return ImportReport.Refused("fileId", refusal!);
        var column = Columns.ToDictionary(c => c.Field, c => sheet.Column(c.Headers));
        if (column["name"] is null || column["category"] is null || column["districtId"] is null)
            return ImportReport.Refused("fileId", "the first row must name at least the columns 名称, 类别 and 区域 (or name, category and district)");

        var managed = administration.OrgsWithin(admin.Roles.Where(r => r.Role == Roles.Admin));
        var units = await db.OrgUnits.AsNoTracking().Where(o => managed.Contains(o.Id))
            .Where(o => o.ArchivedAt == null).ToListAsync(ct);
        var byName = units.ToLookup(o => o.Name);
        var offered = new Dictionary<int, HashSet<string>>();
        var codes = (await db.Merchants.Select(m => m.Code).ToListAsync(ct)).ToHashSet();
        var errors = new List<ImportRowError>();
        var merchants = new List<Merchant>();
        var read = 0;

        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var row = sheet.Rows[i];
            var number = i + 2; // the header is row 1
            string? Cell(string field) => ImportSheet.Cell(row, column[field]);
            if (Columns.All(c => Cell(c.Field) is null)) continue;
            read++;
            var rowErrors = errors.Count;
            void Error(string field, string reason) => errors.Add(new(number, column[field] ?? field, reason));

            OrgUnit? district = null;
            if (Cell("districtId") is { } districtName)
            {
                var found = byName[districtName].ToList();
                if (found.Count == 1) district = found[0];
                else Error("districtId", found.Count == 0 ? $"no unit named '{districtName}' in your admin subtree" : $"{found.Count} units are named '{districtName}'");
            }
            DateOnly? Day(string field)
            {
                if (Cell(field) is not { } text) return null;
                if (MerchantInput.TryDay(text, out var day)) return day;
                Error(field, $"'{text}' is not a date (write 2026-11-01)");
                return null;
            }
            var benefits = Cell("benefits")?.Split(BenefitSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];
            var input = new MerchantInput(Cell("code"), Cell("name"), Cell("category"), Cell("address"), district?.Id ?? (Cell("districtId") is null ? null : 0),
                Cell("discount"), benefits, Day("activeFrom"), Day("activeUntil"), Cell("contactName"), Cell("contactPhone"));
            foreach (var (field, reason) in input.Check()) Error(field, reason);
            if (district is not null)
            {
                if (!offered.TryGetValue(district.Id, out var here))
                    offered[district.Id] = here = (await offers.ForOrgAsync(db, district.Id, ct)).Select(o => o.BenefitId).ToHashSet();
                foreach (var benefit in benefits.Where(b => !here.Contains(b)))
                    Error("benefits", $"'{benefit}' is not a benefit the benefits service at '{district.Name}' offers");
            }
            var code = input.Code?.Trim();
            if (code is not null && !codes.Add(code)) Error("code", $"the code '{code}' is taken (by a merchant or an earlier row)");
            if (errors.Count > rowErrors) continue;

            var merchant = new Merchant { Code = code ?? NewCode(codes), Name = "", Category = "" };
            input.ApplyTo(merchant);
            merchants.Add(merchant);
        }

        if (errors.Count > 0 || dryRun) return new ImportReport(dryRun, read, 0, errors, null);
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        db.Merchants.AddRange(merchants);
        AuditLog.Append(db, admin.UserName!, "merchant.imported", $"file:{fileId}", AuditLog.OrgOf(admin, Roles.Admin), new JsonObject { ["created"] = merchants.Count });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportReport(false, read, merchants.Count, [], null);
    }

    private static string NewCode(HashSet<string> taken)
    {
        string code;
        do code = MerchantAdministration.NewCode(); while (!taken.Add(code));
        return code;
    }
}
