namespace FormFlow.Cli;

/// <summary>A clock that stands still until told to move: `workflow run` fixes the start time and advances it per stimulus.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("fixed", start.Offset, "fixed", "fixed");

    /// <summary>Moves to <paramref name="moment"/>; a clock never runs backwards.</summary>
    public void MoveTo(DateTimeOffset moment)
    {
        if (moment < Now) throw new ArgumentOutOfRangeException(nameof(moment), $"{moment:O} is before the current time {Now:O}");
        Now = moment.ToOffset(start.Offset);
    }
}
