namespace FormFlow.Persistence.Members;

/// <summary>
/// A benefit a member may use <see cref="Quota"/> times per <see cref="Period"/> (e.g. a haircut 8 times a calendar
/// year). Uses are counted on the row itself (<see cref="UsedInPeriod"/> for <see cref="CurrentPeriod"/>) so that
/// <see cref="Quotas.TryUseAsync"/> can claim a use with one conditional UPDATE: two redemptions racing for the last
/// use cannot both win on either database.
/// </summary>
public sealed class Entitlement
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public Member? Member { get; set; }

    /// <summary>The benefit's value in the benefits module, e.g. <c>haircut</c>; one entitlement per member and benefit.</summary>
    public required string BenefitId { get; set; }
    /// <summary>The benefit's name as the module labels it (zh-CN), e.g. 理发.</summary>
    public required string Name { get; set; }
    public int Quota { get; set; }
    public QuotaPeriod Period { get; set; } = QuotaPeriod.Year;
    public DateTime GrantedAt { get; set; }

    /// <summary>The period <see cref="UsedInPeriod"/> counts in, e.g. <c>2026</c>; null before the first use.</summary>
    public string? CurrentPeriod { get; set; }
    public int UsedInPeriod { get; set; }

    /// <summary>The grant's idempotency key (the effect's, or the member's for benefits granted with the card).</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>Uses counted in <paramref name="period"/>: the counter is only current for its own period.</summary>
    public int UsedIn(string period) => CurrentPeriod == period ? UsedInPeriod : 0;
}

public enum QuotaPeriod
{
    /// <summary>A calendar year in China Standard Time.</summary>
    Year,
}
