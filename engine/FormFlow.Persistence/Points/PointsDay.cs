namespace FormFlow.Persistence.Points;

/// <summary>
/// The points of one kind credited to one account on one local day, kept so that a daily cap is checked and raised
/// in one conditional update (two awards at once cannot both slip under the cap).
/// </summary>
public sealed class PointsDay
{
    public required string AccountId { get; set; }
    public required string Kind { get; set; }

    /// <summary>The local (China) date, <c>yyyy-MM-dd</c>.</summary>
    public required string Day { get; set; }

    public int Credited { get; set; }

    /// <summary>What the last award on this row was granted after the cap: written by the same update that raises <see cref="Credited"/>.</summary>
    public int LastGranted { get; set; }
}
