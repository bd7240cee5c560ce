namespace FormFlow.Persistence.Responses;

/// <summary>
/// A secret ballot's box: one pile per possible answer (canonical JSON of the choices), created at zero before the
/// first vote; each vote adds one to its pile and zero to all others in one statement, so no row, column or
/// transaction id tells which pile a voter's transaction changed.
/// </summary>
public sealed class BallotPile
{
    public int ServiceActivationId { get; set; }
    public required string Answer { get; set; }
    public long Count { get; set; }
}
