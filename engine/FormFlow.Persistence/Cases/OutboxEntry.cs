using FormFlow.Persistence.Database;

namespace FormFlow.Persistence.Cases;

/// <summary>
/// A side effect a case's workflow asked for (the engine's OutboxItem): unique per case and key, so a retried step
/// never adds a second one. Pending until an effect handler has carried it out in the transaction that marks it done;
/// while no handler is registered for its kind it is postponed like a failure, and after bounded tries it fails for good
/// (FailedAt, with the reason in LastError).
/// </summary>
public sealed class OutboxEntry : ClaimedWork
{
    public long CaseId { get; set; }
    /// <summary>The engine's idempotency key (instance:activity:step).</summary>
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public required string ActivityId { get; set; }
    public required string Payload { get; set; }
}
