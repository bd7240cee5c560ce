using Jint;

namespace FormFlow.Engine.Expressions;

/// <summary>
/// Characters that joins and template literals have built since the last statement began. Jint checks the memory
/// limit between statements, so within one statement these native builders are counted here instead, and the count
/// starts over at every statement: a loop that builds a string bit by bit is judged by the memory limit, as before.
/// </summary>
internal sealed class StatementStrings(ExpressionOptions options)
{
    // The builder and the string made from it each hold the characters once.
    private readonly long _max = options.MemoryLimitBytes / (2 * sizeof(char));
    private long _built;

    /// <summary>Counts characters about to be appended; false when the statement's strings would pass half the memory limit.</summary>
    public bool TryAdd(int length) => (_built += length) <= _max;

    /// <summary>The Jint constraint that starts the count over at every statement (and at every evaluation).</summary>
    public Constraint EveryStatement() => new Restart(this);

    private sealed class Restart(StatementStrings strings) : Constraint
    {
        public override void Check() => strings._built = 0;
        public override void Reset() => strings._built = 0;
    }
}
