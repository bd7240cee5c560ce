using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;

namespace FormFlow.Persistence.Members;

/// <summary>
/// A merchant that redeems members' benefits: who it is, where, what discount it gives, which benefits it may redeem
/// (<see cref="Benefits"/>) and when (<see cref="ActiveFrom"/> to <see cref="ActiveUntil"/>). One or more merchant
/// accounts act for it (<see cref="Accounts"/>); the union staff of its <see cref="District"/>'s chain manage it.
/// </summary>
public sealed class Merchant
{
    public long Id { get; set; }

    /// <summary>Unique and readable, e.g. <c>DL-0371</c>; the settlement names merchants by it.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>A free word the directory filters by, e.g. 餐饮, 理发, 影院.</summary>
    public required string Category { get; set; }
    public string? Address { get; set; }

    /// <summary>The org unit (usually a district union) the merchant belongs to; staff whose subtree holds it manage it.</summary>
    public int DistrictOrgUnitId { get; set; }
    public OrgUnit? District { get; set; }

    /// <summary>What a member gets, for people, e.g. 凭会员卡理发八折.</summary>
    public string? Discount { get; set; }

    /// <summary>UTC start of the active window; null: since ever.</summary>
    public DateTime? ActiveFrom { get; set; }
    /// <summary>UTC end of the active window (exclusive); null: open-ended.</summary>
    public DateTime? ActiveUntil { get; set; }
    /// <summary>Set when staff deactivated it: it leaves the directory and redeems nothing, its history stays.</summary>
    public DateTime? DeactivatedAt { get; set; }

    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }

    public List<MerchantBenefit> Benefits { get; set; } = [];
    public List<MerchantAccount> Accounts { get; set; } = [];

    /// <summary>Active at <paramref name="now"/>: not deactivated and inside its window.</summary>
    public bool IsActiveAt(DateTime now) =>
        DeactivatedAt is null && (ActiveFrom is null || ActiveFrom <= now) && (ActiveUntil is null || now < ActiveUntil);
}

/// <summary>A benefit a merchant may redeem, by the benefit's key (the benefits module's option value, e.g. <c>haircut</c>).</summary>
public sealed class MerchantBenefit
{
    public long Id { get; set; }
    public long MerchantId { get; set; }
    public required string BenefitId { get; set; }
}

/// <summary>An account acting for a merchant: an account acts for at most one merchant.</summary>
public sealed class MerchantAccount
{
    public required string AccountId { get; set; }
    public Account? Account { get; set; }
    public long MerchantId { get; set; }
    public Merchant? Merchant { get; set; }
}
