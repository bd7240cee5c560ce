using FormFlow.Persistence.Accounts;

namespace FormFlow.Persistence.Points;

/// <summary>
/// One line of a person's points ledger (积分): an award with its reason. The balance is the sum of the lines; awards
/// are never negative, so it is never negative either (spending, when it comes, is the one way down).
/// </summary>
public sealed class PointsEntry
{
    public long Id { get; set; }

    /// <summary>Whose points: the account, so that a worker earns points before (and without) a membership.</summary>
    public required string AccountId { get; set; }
    public Account? Account { get; set; }

    /// <summary>What was credited: the award, or less when the daily cap of its kind was reached (then <see cref="Capped"/>).</summary>
    public int Points { get; set; }

    /// <summary>The kind of award (e.g. <c>ideaAdopted</c>); daily caps count per kind.</summary>
    public required string Kind { get; set; }

    /// <summary>The reason the person reads beside the points, e.g. 金点子被采纳.</summary>
    public required string Reason { get; set; }

    /// <summary>True when the daily cap of <see cref="Kind"/> cut the award down.</summary>
    public bool Capped { get; set; }

    /// <summary>The case whose workflow awarded it.</summary>
    public long? CaseId { get; set; }

    /// <summary>UTC time of the award.</summary>
    public DateTime AwardedAt { get; set; }

    /// <summary>Unique: a retried award finds this line instead of crediting twice.</summary>
    public required string IdempotencyKey { get; set; }
}
