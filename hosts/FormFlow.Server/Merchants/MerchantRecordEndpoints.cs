using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Members;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Merchants;

/// <summary>
/// Merchant records: the directory members browse, the admins' onboarding (create, change, deactivate, import),
/// a merchant's own redemption history and the union's monthly settlement.
/// </summary>
internal static class MerchantRecordEndpoints
{
    public static void MapMerchantRecordEndpoints(this IEndpointRouteBuilder app)
    {
        var merchants = app.MapGroup("/api/merchants").WithTags("Merchants").RequireAuthorization().ProducesProblem(401);
        merchants.MapGet("/", SearchAsync).ProducesProblem(400).ProducesProblem(404)
            .WithSummary($"The merchants members may use today (active, inside their window): ?q= searches name, address and discount; ?category=; ?district= (an org unit: merchants of its subtree); {IdPage.Describe}.");
        merchants.MapGet("/facets", FacetsAsync).WithSummary("The categories and districts of today's merchants, for the directory's filters.");
        merchants.MapGet("/managed", ManagedAsync).ProducesProblem(400).ProducesProblem(403)
            .WithSummary($"The merchants of my admin subtrees (active or not), newest first; ?q= searches name, code and address; {IdPage.Describe}.");
        merchants.MapGet("/benefits", OfferedAsync).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404)
            .WithSummary("The benefits a merchant in a district of my admin subtree may redeem (those the benefits service there offers): ?district= (an org unit).");
        merchants.MapPost("/", CreateAsync).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Creates a merchant in a district of my admin subtree, with the benefits it may redeem (offered by the benefits service there) and the merchant accounts acting for it (user names).");
        merchants.MapPut("/{id:long}", UpdateAsync).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Replaces a merchant's record (all fields; accounts when given).");
        merchants.MapPost("/{id:long}/deactivate", DeactivateAsync).ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Takes a merchant out of the directory; it redeems nothing more, its history stays.");
        merchants.MapPost("/import", ImportAsync).ProducesProblem(400).ProducesProblem(403).ProducesProblem(422)
            .WithSummary($"Imports merchants from an Excel file I uploaded (POST /api/files): columns 名称, 类别, 区域 and optionally 编号, 地址, 优惠, 权益, 开始日期, 结束日期, 联系人, 联系电话. " +
                         $"{{ fileId, dryRun }}: a dry run lists every row error and writes nothing; the real run writes every row in one transaction, or nothing (422 with the errors). At most {MerchantImport.MaxRows} rows.");
        merchants.MapGet("/settlement.xlsx", SettlementAsync).ProducesProblem(400).ProducesProblem(403)
            .Produces(200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("The monthly settlement of the merchants in my staff subtrees as an Excel workbook: ?month=2026-11 (China time). Sheet 结算汇总: one row per merchant × benefit with the count; sheet 核销明细: every redemption.");
        merchants.MapGet("/me/redemptions", HistoryAsync).ProducesProblem(400).ProducesProblem(404)
            .WithSummary($"The redemptions of the merchant I act for (all its accounts), newest first; {IdPage.Describe}.");
    }

    internal sealed record MerchantRequest(
        string? Code = null, string? Name = null, string? Category = null, string? Address = null, int? DistrictId = null, string? Discount = null,
        List<string>? Benefits = null, DateOnly? ActiveFrom = null, DateOnly? ActiveUntil = null, string? ContactName = null, string? ContactPhone = null,
        List<string>? Accounts = null)
    {
        [System.Text.Json.Serialization.JsonIgnore]
        public MerchantInput Input => new(Code, Name, Category, Address, DistrictId, Discount, Benefits, ActiveFrom, ActiveUntil, ContactName, ContactPhone);
    }

    internal sealed record ImportMerchantsRequest(string? FileId = null, bool DryRun = false);

    /// <summary>A merchant as its admins see it; <c>ActiveUntil</c> is its last day (CST); <c>Active</c> says whether members can use it now.</summary>
    internal sealed record MerchantView(
        long Id, string Code, string Name, string Category, string? Address, int DistrictId, string DistrictName, string? Discount,
        List<string> Benefits, DateOnly? ActiveFrom, DateOnly? ActiveUntil, bool Active, DateTimeOffset? DeactivatedAt,
        string? ContactName, string? ContactPhone, List<string> Accounts)
    {
        public static MerchantView Of(Merchant m, DateTime now) => new(m.Id, m.Code, m.Name, m.Category, m.Address, m.DistrictOrgUnitId,
            m.District?.Name ?? "", m.Discount, m.Benefits.Select(b => b.BenefitId).Order().ToList(),
            m.ActiveFrom is { } from ? MerchantInput.DayOf(from) : null, m.ActiveUntil is { } until ? MerchantInput.DayOf(until).AddDays(-1) : null,
            m.IsActiveAt(now), m.DeactivatedAt is { } off ? new DateTimeOffset(off, TimeSpan.Zero) : null, m.ContactName, m.ContactPhone,
            m.Accounts.Select(a => a.Account?.UserName ?? a.AccountId).Order().ToList());
    }

    internal sealed record MerchantPage(List<MerchantListing> Items, string? Next);
    internal sealed record ManagedMerchantPage(List<MerchantView> Items, string? Next);
    internal sealed record RedemptionPage(string Merchant, List<RedemptionRecord> Items, string? Next);

    private static async Task<Results<Ok<MerchantPage>, ProblemHttpResult>> SearchAsync(
        string? q, string? category, int? district, int? limit, string? cursor, MerchantDirectory directory, FormFlowDbContext db, CancellationToken ct)
    {
        if (!IdPage.TryRead(limit, cursor, out var page, out var bad)) return bad!;
        Persistence.Orgs.OrgUnit? unit = null;
        if (district is { } id && (unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct)) is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "district not found", detail: $"no org unit {id}",
                extensions: new Dictionary<string, object?> { ["parameter"] = "district" });
        var (items, next) = await directory.SearchAsync(q, category, unit, page, ct);
        return TypedResults.Ok(new MerchantPage(items, next));
    }

    private static async Task<Ok<MerchantFacets>> FacetsAsync(MerchantDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.FacetsAsync(ct));

    private static async Task<Results<Ok<ManagedMerchantPage>, ProblemHttpResult>> ManagedAsync(
        string? q, int? limit, string? cursor, MerchantAdministration administration, FormFlowDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        if (!IdPage.TryRead(limit, cursor, out var page, out var bad)) return bad!;
        var (items, next) = page.Cut(await administration.ListAsync(admin, q, page, ct), m => m.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(new ManagedMerchantPage(items.Select(m => MerchantView.Of(m, now)).ToList(), next));
    }

    private static async Task<Results<Ok<List<BenefitName>>, ProblemHttpResult>> OfferedAsync(
        int? district, MerchantAdministration administration, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        if (district is not { } id) return IdPage.BadParameter("district", "district is required: the org unit the merchant belongs to");
        return await administration.OfferedAtAsync(admin, id, ct) is { } offered
            ? TypedResults.Ok(offered)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "district not found", detail: $"no org unit {id} in your admin subtree",
                extensions: new Dictionary<string, object?> { ["parameter"] = "district" });
    }

    private static async Task<Results<Created<MerchantView>, ProblemHttpResult>> CreateAsync(
        MerchantRequest body, MerchantAdministration administration, FormFlowDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        var outcome = await administration.CreateAsync(admin, body.Input, body.Accounts, ct);
        return outcome.Value is { } m ? TypedResults.Created($"/api/merchants/{m.Id}", await ViewAsync(db, m, clock, ct)) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<MerchantView>, ProblemHttpResult>> UpdateAsync(
        long id, MerchantRequest body, MerchantAdministration administration, FormFlowDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        var outcome = await administration.UpdateAsync(admin, id, body.Input, body.Accounts, ct);
        return outcome.Value is { } m ? TypedResults.Ok(await ViewAsync(db, m, clock, ct)) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<MerchantView>, ProblemHttpResult>> DeactivateAsync(
        long id, MerchantAdministration administration, FormFlowDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        var outcome = await administration.DeactivateAsync(admin, id, ct);
        return outcome.Value is { } m ? TypedResults.Ok(await ViewAsync(db, m, clock, ct)) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<ImportView>, Created<ImportView>, ProblemHttpResult>> ImportAsync(
        ImportMerchantsRequest body, MerchantImport import, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        if (string.IsNullOrWhiteSpace(body.FileId)) return FieldProblem.Invalid("fileId", "fileId is required: upload the workbook to /api/files first").ToResult();
        return (await import.RunAsync(admin, body.FileId, body.DryRun, ct)).ToResult("/api/merchants/managed");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SettlementAsync(
        string? month, MerchantLedger ledger, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!account.Roles.Any(r => Roles.ReachesSubtree(r.Role)))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not union staff", detail: "only union staff export settlements");
        if (!MerchantLedger.TryMonth(month, out var first))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "invalid month", detail: $"month must be a month such as 2026-11, not '{month}'",
                extensions: new Dictionary<string, object?> { ["parameter"] = "month" });
        var book = await ledger.SettlementAsync(account, first, ct);
        return TypedResults.File(book, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"settlement-{first:yyyy-MM}.xlsx");
    }

    private static async Task<Results<Ok<RedemptionPage>, ProblemHttpResult>> HistoryAsync(
        int? limit, string? cursor, MerchantLedger ledger, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!IdPage.TryRead(limit, cursor, out var page, out var bad)) return bad!;
        if (await ledger.MerchantOfAsync(account, ct) is not { } merchant)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "not a merchant", detail: "your account acts for no merchant record");
        var (items, next) = await ledger.HistoryAsync(merchant, page, ct);
        return TypedResults.Ok(new RedemptionPage(merchant.Name, items, next));
    }

    private static async Task<MerchantView> ViewAsync(FormFlowDbContext db, Merchant merchant, TimeProvider clock, CancellationToken ct)
    {
        var stored = await db.Merchants.AsNoTracking().Include(m => m.District).Include(m => m.Benefits).Include(m => m.Accounts).ThenInclude(a => a.Account)
            .AsSplitQuery().SingleAsync(m => m.Id == merchant.Id, ct);
        return MerchantView.Of(stored, clock.GetUtcNow().UtcDateTime);
    }

    private static async Task<Account?> AdminAsync(FormFlowDbContext db, HttpContext http, CancellationToken ct) =>
        await CurrentAccount.LoadAsync(db, http.User, ct) is { } account && account.Roles.Any(r => r.Role == Roles.Admin) ? account : null;

    private static ProblemHttpResult NotAdmin() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not an admin", detail: "only admins manage merchants");
}
