namespace FormFlow.Persistence.Cases;

/// <summary>
/// An <c>Idempotency-Key</c> an account sent with a submission, with the answer it got: the same account and key
/// get the same answer again and no second case (unique per account and key).
/// </summary>
public sealed class SubmissionKey
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of the request (service and data), to refuse the same key for a different request.</summary>
    public required string RequestHash { get; set; }
    public long CaseId { get; set; }
    public int StatusCode { get; set; }
    public required string Response { get; set; }
    public DateTime CreatedAt { get; set; }
}
