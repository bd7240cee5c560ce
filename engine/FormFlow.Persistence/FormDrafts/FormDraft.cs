namespace FormFlow.Persistence.FormDrafts;

/// <summary>A half-filled form, one per account and service, so the applicant can go on from any device.</summary>
public sealed class FormDraft
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public int ServiceActivationId { get; set; }
    public required string Data { get; set; }
    public DateTime SavedAt { get; set; }
}
