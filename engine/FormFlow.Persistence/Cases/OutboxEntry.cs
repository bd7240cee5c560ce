namespace FormFlow.Persistence.Cases;

/// <summary>
/// A side effect a case's workflow asked for (the engine's OutboxItem): unique per case and key, so a retried step
/// never adds a second one. Pending until an effect handler has carried it out in the transaction that marks it done.
/// </summary>
public sealed class OutboxEntry
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    /// <summary>The engine's idempotency key (instance:activity:step).</summary>
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public required string ActivityId { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Not tried before this time (set after a failure or while no handler is registered for the kind).</summary>
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
}
