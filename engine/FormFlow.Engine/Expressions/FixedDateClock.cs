namespace FormFlow.Engine.Expressions;

/// <summary>
/// A clock that always reads noon in Asia/Shanghai on one date: for conformance vectors, tests and
/// `formflow expr eval --today`, where today() must not depend on when they run.
/// </summary>
public sealed class FixedDateClock(DateOnly date) : TimeProvider
{
    public DateOnly Date => date;

    public override DateTimeOffset GetUtcNow() => new(date.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero);
}
