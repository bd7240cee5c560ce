namespace FormFlow.Persistence.Responses;

/// <summary>
/// A running count per (service, respondent org, field, bucket), kept in the answer's transaction so results never
/// rescan answers. Bucket is the option, <c>true</c>/<c>false</c>, or a rating's or number's value (so a median
/// comes from counts); <see cref="Sum"/> adds the values. Field and bucket "" count the answers themselves.
/// </summary>
public sealed class ResponseTally
{
    public int ServiceActivationId { get; set; }
    public int OrgUnitId { get; set; }
    public required string Field { get; set; }
    public required string Bucket { get; set; }
    public long Count { get; set; }
    public double Sum { get; set; }
}
