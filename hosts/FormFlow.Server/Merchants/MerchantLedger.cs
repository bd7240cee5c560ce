using System.Globalization;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Members;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace FormFlow.Server.Merchants;

/// <summary>
/// What merchants redeemed: a merchant's own history (every account acting for it), and the union's monthly
/// settlement per merchant as an Excel workbook — a summary sheet (one row per merchant × benefit with the count)
/// and a detail sheet (one row per redemption). Months are calendar months in China Standard Time.
/// </summary>
internal sealed class MerchantLedger(FormFlowDbContext db, MerchantAdministration administration)
{
    /// <summary>The merchant the account acts for, or null.</summary>
    public Task<Merchant?> MerchantOfAsync(Account account, CancellationToken ct) =>
        db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Accounts.Any(a => a.AccountId == account.Id), ct);

    public async Task<(List<RedemptionRecord> Items, string? Next)> HistoryAsync(Merchant merchant, IdPage page, CancellationToken ct)
    {
        var accounts = db.MerchantAccounts.Where(l => l.MerchantId == merchant.Id).Select(l => l.AccountId);
        var redemptions = db.Redemptions.AsNoTracking().Where(r => r.MerchantAccountId != null && accounts.Contains(r.MerchantAccountId));
        if (page.Before is { } before) redemptions = redemptions.Where(r => r.Id < before);
        var found = await redemptions.OrderByDescending(r => r.Id).Take(page.Limit + 1)
            .Select(r => new RedemptionRecord(r.Id, r.At, r.Entitlement!.BenefitId, r.Entitlement.Name, r.Entitlement.Member!.MemberNumber,
                r.MerchantAccount!.UserName!, r.Note))
            .ToListAsync(ct);
        var (items, next) = page.Cut(found, r => r.Id);
        return (items.Select(r => r with { At = DateTime.SpecifyKind(r.At, DateTimeKind.Utc), MemberNumber = MaskedNumber(r.MemberNumber) }).ToList(), next);
    }

    /// <summary>Reads <c>2026-11</c>.</summary>
    public static bool TryMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    /// <summary>The settlement workbook of the merchants in the staff member's subtrees for one month.</summary>
    public async Task<byte[]> SettlementAsync(Account staff, DateOnly month, CancellationToken ct)
    {
        var start = MerchantInput.StartOf(month);
        var end = MerchantInput.StartOf(month.AddMonths(1));
        var orgs = administration.OrgsWithin(staff.Roles.Where(r => Roles.ReachesSubtree(r.Role)));
        var rows = await (
                from r in db.Redemptions.AsNoTracking()
                join link in db.MerchantAccounts on r.MerchantAccountId equals link.AccountId
                where r.At >= start && r.At < end && orgs.Contains(link.Merchant!.DistrictOrgUnitId)
                orderby link.Merchant!.Code, r.At
                select new
                {
                    link.Merchant!.Code, link.Merchant.Name, link.Merchant.Category, District = link.Merchant.District!.Name,
                    r.At, r.Entitlement!.BenefitId, Benefit = r.Entitlement.Name, r.Entitlement.Member!.MemberNumber, Account = r.MerchantAccount!.UserName, r.Note,
                })
            .ToListAsync(ct);
        var summary = rows.GroupBy(r => (r.Code, r.BenefitId)).Select(g => new Dictionary<string, object?>
        {
            ["月份"] = month.ToString("yyyy-MM"), ["商户编号"] = g.Key.Code, ["商户名称"] = g.First().Name, ["类别"] = g.First().Category,
            ["区域"] = g.First().District, ["权益"] = g.Key.BenefitId, ["权益名称"] = g.First().Benefit, ["核销次数"] = g.Count(),
        }).ToList();
        var detail = rows.Select(r => new Dictionary<string, object?>
        {
            ["商户编号"] = r.Code, ["商户名称"] = r.Name,
            ["核销时间"] = new DateTimeOffset(r.At, TimeSpan.Zero).ToOffset(Quotas.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm"),
            ["权益"] = r.BenefitId, ["权益名称"] = r.Benefit, ["会员号"] = MaskedNumber(r.MemberNumber), ["核销账号"] = r.Account, ["备注"] = r.Note,
        }).ToList();
        using var book = new MemoryStream();
        await book.SaveAsAsync(new Dictionary<string, object>
        {
            ["结算汇总"] = summary.Count > 0 ? summary : [Empty("月份", "商户编号", "商户名称", "类别", "区域", "权益", "权益名称", "核销次数")],
            ["核销明细"] = detail.Count > 0 ? detail : [Empty("商户编号", "商户名称", "核销时间", "权益", "权益名称", "会员号", "核销账号", "备注")],
        }, excelType: ExcelType.XLSX, cancellationToken: ct);
        return book.ToArray();
    }

    /// <summary>A member number with only its last four digits, as merchants and settlements show it.</summary>
    public static string MaskedNumber(string number) => number.Length <= 4 ? number : new string('*', number.Length - 4) + number[^4..];

    private static Dictionary<string, object?> Empty(params string[] headers) => headers.ToDictionary(h => h, _ => (object?)null);
}

/// <summary>One redemption a merchant recorded: when (UTC), which benefit, the member (number masked) and the account that recorded it.</summary>
internal sealed record RedemptionRecord(long Id, DateTime At, string BenefitId, string BenefitName, string MemberNumber, string RecordedBy, string? Note);
