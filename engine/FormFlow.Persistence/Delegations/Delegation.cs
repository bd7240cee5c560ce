namespace FormFlow.Persistence.Delegations;

/// <summary>
/// An absence: from <see cref="From"/> until <see cref="Until"/> the delegate sees and handles the tasks of the
/// absent account as if they were its own. One per absent account (setting another replaces it).
/// </summary>
public sealed class Delegation
{
    /// <summary>The absent account (the key).</summary>
    public required string AccountId { get; set; }
    public required string ToAccountId { get; set; }
    public DateTime From { get; set; }
    public DateTime Until { get; set; }
    public DateTime CreatedAt { get; set; }
}
