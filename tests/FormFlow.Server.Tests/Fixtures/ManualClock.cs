namespace FormFlow.Server.Tests.Fixtures;

/// <summary>A clock the test moves by hand (the server's TimeProvider in case tests).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
