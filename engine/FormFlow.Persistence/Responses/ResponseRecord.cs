namespace FormFlow.Persistence.Responses;

/// <summary>
/// One answer to a named or anonymous-to-handlers survey: the form data (personal values sealed as case data is) and
/// the respondent's org. <see cref="AccountId"/> lets the respondent find their own answer; the API never shows it
/// to anyone else. A secret ballot writes no such row (see <see cref="BallotPile"/>).
/// </summary>
public sealed class ResponseRecord
{
    public long Id { get; set; }
    public int ServiceActivationId { get; set; }
    public required string AccountId { get; set; }
    public int OrgUnitId { get; set; }
    public required string SnapshotHash { get; set; }
    public required string Data { get; set; }
    public DateTime SubmittedAt { get; set; }
}
