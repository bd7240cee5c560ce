using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>
/// The time all rules of one submission may take together, across every pass, row and rule. Each evaluation is
/// already stopped at the expression engine's timeout, but a row rule over a 1,000-row group could spend that
/// timeout 1,000 times; past this budget no further rule runs and the submission fails with one error naming the rule
/// at which the budget ran out (the server answers 422), instead of minutes of work. The clock is the wall clock, so
/// a busy machine only makes the budget stricter, never lets it run longer.
/// </summary>
internal sealed class RuleBudget(TimeSpan limit, string locale)
{
    private long _spent;

    /// <summary>The error naming the rule at which the budget ran out; null while there is time left.</summary>
    public FormError? Exhausted { get; private set; }

    /// <summary>Whether another rule may run.</summary>
    public bool HasTime => Exhausted is null;

    /// <summary>Charges the time since <paramref name="started"/> (a Stopwatch timestamp) to the rule that just ran.</summary>
    public void Charge(long started, string path, string rule)
    {
        _spent += Stopwatch.GetTimestamp() - started;
        if (Exhausted is null && Stopwatch.GetElapsedTime(0, _spent) > limit)
            Exhausted = new FormError(path, rule, FormMessages.Get("ruleTime", locale, JsonValue.Create((long)limit.TotalMilliseconds)));
    }
}
