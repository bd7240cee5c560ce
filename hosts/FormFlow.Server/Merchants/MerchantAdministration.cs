using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Members;
using FormFlow.Server.Orgs;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Merchants;

/// <summary>
/// Onboarding merchants: an admin at X creates, changes and deactivates the merchants of X's subtree (by the
/// merchant's district), names the benefits each may redeem (those the benefits service at the district offers) and
/// links the merchant accounts that act for it. Every change is audited.
/// </summary>
internal sealed class MerchantAdministration(FormFlowDbContext db, IBenefitOffers offers, TimeProvider clock)
{
    public async Task<Outcome<Merchant>> CreateAsync(Account admin, MerchantInput input, List<string>? accounts, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var code = input.Code?.Trim() ?? NewCode();
        if (await db.Merchants.AnyAsync(m => m.Code == code, ct)) return FieldProblem.Conflict("code", $"a merchant is already coded '{code}'");
        var merchant = new Merchant { Code = code, Name = "", Category = "" };
        if (await CheckAsync(admin, input, ct) is { } problem) return problem;
        input.ApplyTo(merchant);
        db.Merchants.Add(merchant);
        if (accounts is not null && await LinkAsync(admin, merchant, accounts, ct) is { } linkProblem) return linkProblem;
        AuditLog.Append(db, admin.UserName!, "merchant.created", $"merchant:{code}", merchant.DistrictOrgUnitId, Details(merchant));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Merchant>.Done(merchant);
    }

    public async Task<Outcome<Merchant>> UpdateAsync(Account admin, long id, MerchantInput input, List<string>? accounts, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        if (await FindAsync(admin, id, ct) is not { } merchant) return NotFound(id);
        if (await CheckAsync(admin, input, ct) is { } problem) return problem;
        if (input.Code?.Trim() is { } code && code != merchant.Code)
        {
            if (await db.Merchants.AnyAsync(m => m.Code == code, ct)) return FieldProblem.Conflict("code", $"a merchant is already coded '{code}'");
            merchant.Code = code;
        }
        input.ApplyTo(merchant);
        if (accounts is not null && await LinkAsync(admin, merchant, accounts, ct) is { } linkProblem) return linkProblem;
        AuditLog.Append(db, admin.UserName!, "merchant.changed", $"merchant:{merchant.Code}", merchant.DistrictOrgUnitId, Details(merchant));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Merchant>.Done(merchant);
    }

    /// <summary>Takes the merchant out of the directory and stops its redemptions; its history and settlement stay.</summary>
    public async Task<Outcome<Merchant>> DeactivateAsync(Account admin, long id, CancellationToken ct)
    {
        if (await FindAsync(admin, id, ct) is not { } merchant) return NotFound(id);
        if (merchant.DeactivatedAt is not null) return Outcome<Merchant>.Done(merchant);
        merchant.DeactivatedAt = clock.GetUtcNow().UtcDateTime;
        AuditLog.Append(db, admin.UserName!, "merchant.deactivated", $"merchant:{merchant.Code}", merchant.DistrictOrgUnitId);
        await db.SaveChangesAsync(ct);
        return Outcome<Merchant>.Done(merchant);
    }

    /// <summary>The merchants of the admin's subtrees, newest first, searched by name, code or address.</summary>
    public async Task<List<Merchant>> ListAsync(Account admin, string? q, IdPage page, CancellationToken ct)
    {
        var merchants = Managed(admin);
        if (!string.IsNullOrWhiteSpace(q)) merchants = merchants.Where(m => m.Name.Contains(q.Trim()) || m.Code.Contains(q.Trim()) || (m.Address ?? "").Contains(q.Trim()));
        if (page.Before is { } before) merchants = merchants.Where(m => m.Id < before);
        return await merchants.OrderByDescending(m => m.Id).Take(page.Limit + 1).ToListAsync(ct);
    }

    /// <summary>Merchants whose district lies in a subtree the account holds the admin role at, with district, benefits and accounts.</summary>
    public IQueryable<Merchant> Managed(Account admin)
    {
        var merchants = db.Merchants.Include(m => m.District).Include(m => m.Benefits).Include(m => m.Accounts).ThenInclude(a => a.Account).AsSplitQuery();
        var orgs = OrgsWithin(admin.Roles.Where(r => r.Role == Roles.Admin));
        return merchants.Where(m => orgs.Contains(m.DistrictOrgUnitId));
    }

    /// <summary>The benefits a merchant in this district may be given (those the benefits service there offers); null when the district is not in the admin's subtree.</summary>
    public async Task<List<BenefitName>?> OfferedAtAsync(Account admin, int districtId, CancellationToken ct)
    {
        var district = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == districtId, ct);
        if (district is null || !OrgAdmins.Manages(admin, district, inclusive: true)) return null;
        return (await offers.ForOrgAsync(db, district.Id, ct)).OrderBy(o => o.BenefitId).Select(o => new BenefitName(o.BenefitId, o.Name)).ToList();
    }

    /// <summary>The ids of the org units in the subtrees of the given role assignments (one query, no list in memory).</summary>
    public IQueryable<int> OrgsWithin(IEnumerable<RoleAssignment> roles) => OrgVisibility.IdsWithin(db, roles);

    /// <summary>A fresh code for a merchant created without one, e.g. <c>M-7F3A9C21</c>.</summary>
    public static string NewCode() => "M-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));

    /// <summary>The input's own rules, then the district (in the admin's subtree) and the benefits (offered there).</summary>
    private async Task<FieldProblem?> CheckAsync(Account admin, MerchantInput input, CancellationToken ct)
    {
        if (input.Check() is [var first, ..]) return FieldProblem.Invalid(first.Field, first.Reason);
        var district = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == input.DistrictId, ct);
        if (district is null || !OrgAdmins.Manages(admin, district, inclusive: true))
            return FieldProblem.Invalid("districtId", $"no org unit {input.DistrictId} in your admin subtree");
        if (district.ArchivedAt is not null) return FieldProblem.Invalid("districtId", $"'{district.Name}' is archived");
        var offered = (await offers.ForOrgAsync(db, district.Id, ct)).Select(o => o.BenefitId).ToHashSet();
        if ((input.Benefits ?? []).FirstOrDefault(b => !offered.Contains(b.Trim())) is { } unknown)
            return FieldProblem.Invalid("benefits", $"'{unknown}' is not a benefit the benefits service at '{district.Name}' offers ({string.Join(", ", offered.Order())})");
        return null;
    }

    /// <summary>Makes exactly these accounts (user names holding the merchant role in the admin's subtree) act for the merchant.</summary>
    private async Task<FieldProblem?> LinkAsync(Account admin, Merchant merchant, List<string> userNames, CancellationToken ct)
    {
        var wanted = userNames.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct().ToList();
        var found = await CurrentAccount.WithRoles(db).AsNoTracking().Where(a => wanted.Contains(a.UserName!)).ToListAsync(ct);
        foreach (var userName in wanted)
        {
            var account = found.SingleOrDefault(a => a.UserName == userName);
            if (account is null || !account.Roles.Any(r => r.Role == Roles.Merchant && OrgAdmins.Manages(admin, r.OrgUnit!, inclusive: true)))
                return FieldProblem.Invalid("accounts", $"'{userName}' is not a merchant account in your admin subtree");
        }
        var ids = found.Select(a => a.Id).ToList();
        var elsewhere = await db.MerchantAccounts.Include(l => l.Merchant).Include(l => l.Account)
            .Where(l => ids.Contains(l.AccountId) && l.MerchantId != merchant.Id).FirstOrDefaultAsync(ct);
        if (elsewhere is not null)
            return FieldProblem.Conflict("accounts", $"'{elsewhere.Account!.UserName}' already acts for the merchant '{elsewhere.Merchant!.Name}'");
        merchant.Accounts.RemoveAll(l => !ids.Contains(l.AccountId));
        foreach (var id in ids.Where(i => merchant.Accounts.All(l => l.AccountId != i)))
            merchant.Accounts.Add(new MerchantAccount { AccountId = id });
        return null;
    }

    private async Task<Merchant?> FindAsync(Account admin, long id, CancellationToken ct) =>
        await Managed(admin).SingleOrDefaultAsync(m => m.Id == id, ct);

    private static FieldProblem NotFound(long id) =>
        new(StatusCodes.Status404NotFound, "merchant not found", $"no merchant {id} in your admin subtree", "id");

    private static JsonObject Details(Merchant m) => new()
    {
        ["name"] = m.Name, ["category"] = m.Category, ["district"] = m.DistrictOrgUnitId,
        ["benefits"] = new JsonArray(m.Benefits.Select(b => (JsonNode)b.BenefitId).ToArray()),
    };
}
