namespace FormFlow.Persistence.Cases;

/// <summary>
/// Due work of a case: a waiting bookmark with a due time (a timer, a task deadline or reminder). The dispatcher
/// claims due rows (lease in <see cref="ClaimedUntil"/>), resumes the case, and sets <see cref="FiredAt"/> in the
/// same transaction, so a timer fires once; a claim whose process died expires and is taken over.
/// </summary>
public sealed class CaseTimer
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string BookmarkId { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? FiredAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
}
