namespace FormFlow.Persistence.Drafts;

/// <summary>A half-filled form, one per account and service, so the applicant can go on from any device.</summary>
public sealed class Draft
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public int ServiceActivationId { get; set; }
    public required string Data { get; set; }
    public DateTime SavedAt { get; set; }
}
