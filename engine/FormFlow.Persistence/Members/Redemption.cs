using FormFlow.Persistence.Accounts;

namespace FormFlow.Persistence.Members;

/// <summary>One use of an entitlement, recorded by a merchant (API) or by a workflow's recordRedemption step.</summary>
public sealed class Redemption
{
    public long Id { get; set; }
    public long EntitlementId { get; set; }
    public Entitlement? Entitlement { get; set; }

    /// <summary>The merchant account that recorded it; null when a workflow recorded it (the merchant is then in <see cref="Note"/>).</summary>
    public string? MerchantAccountId { get; set; }
    public Account? MerchantAccount { get; set; }

    /// <summary>UTC time of the use.</summary>
    public DateTime At { get; set; }
    /// <summary>The quota period it counted in, e.g. <c>2026</c>.</summary>
    public required string Period { get; set; }
    public string? Note { get; set; }
    public long? CaseId { get; set; }

    /// <summary>Unique: a retried request or step with the same key finds this redemption instead of using the quota again.</summary>
    public required string IdempotencyKey { get; set; }
}
