namespace FormFlow.Engine.Expressions.Patterns;

/// <summary>
/// A <c>matches</c> pattern matched in linear time, as the browser matches it (designer/src/patterns/linear-pattern.ts):
/// compiled to a Thompson NFA and simulated state set by state set, so <c>^([a-z]+ ?)+$</c> against a long line ends
/// in microseconds where a backtracking engine runs for seconds. The work is states × characters, so a huge pattern on
/// a huge text is still slow: the match looks at the clock every few hundred characters and stops at the deadline.
/// </summary>
internal sealed class LinearPattern
{
    private const int MaxStates = 20_000;
    private const int CharactersBetweenClockChecks = 256;

    private enum Kind { Char, Split, Assert, Match }

    // Built as lists, then frozen to arrays: the match loop indexes them for every state at every character.
    private readonly List<Kind> _kindList = [];
    private readonly List<Func<char, bool>?> _testList = [];
    private readonly List<Assertion> _assertionList = [];
    private readonly List<int[]> _nextList = [];
    private readonly Kind[] _kinds;
    private readonly Func<char, bool>?[] _tests;
    private readonly Assertion[] _assertions;
    private readonly int[][] _next;
    private readonly int _start;
    private int _edges; // how many state-to-state links there are: the most the walk can have pending at once

    /// <summary>Compiles the pattern; a pattern outside the dialect or beyond the state limit is a <see cref="PatternSyntaxException"/>.</summary>
    public LinearPattern(string source)
    {
        var node = new PatternParser(source).Parse();
        var match = Add(Kind.Match, null, default, []);
        _start = Compile(node, match);
        (_kinds, _tests, _assertions, _next) = ([.. _kindList], [.. _testList], [.. _assertionList], [.. _nextList]);
    }

    private int Add(Kind kind, Func<char, bool>? test, Assertion assertion, int[] next)
    {
        if (_kindList.Count >= MaxStates)
            throw new PatternSyntaxException($"the pattern is too large to match safely (more than {MaxStates} states)");
        _kindList.Add(kind);
        _testList.Add(test);
        _assertionList.Add(assertion);
        _nextList.Add(next);
        _edges += next.Length;
        return _kindList.Count - 1;
    }

    /// <summary>Compiles the node so that it continues to <paramref name="next"/>; returns its entry state (built back to front).</summary>
    private int Compile(PatternNode node, int next)
    {
        switch (node)
        {
            case PatternNode.Char c:
                return Add(Kind.Char, c.Test, default, [next]);
            case PatternNode.Anchor a:
                return Add(Kind.Assert, null, a.Assertion, [next]);
            case PatternNode.Sequence s:
                for (var k = s.Items.Count - 1; k >= 0; k--) next = Compile(s.Items[k], next);
                return next;
            case PatternNode.Alternation alt:
                return Add(Kind.Split, null, default, [.. alt.Options.Select(option => Compile(option, next))]);
            case PatternNode.Repeat r:
            {
                var entry = next;
                if (r.Max == int.MaxValue)
                {
                    // A loop: split into the item (which comes back to the split) or out.
                    var loop = Add(Kind.Split, null, default, []);
                    _nextList[loop] = [Compile(r.Item, loop), next];
                    _edges += 2;
                    entry = loop;
                }
                else
                    for (var k = r.Max; k > r.Min; k--) entry = Add(Kind.Split, null, default, [Compile(r.Item, entry), next]);
                for (var k = 0; k < r.Min; k++) entry = Compile(r.Item, entry);
                return entry;
            }
            default:
                throw new InvalidOperationException($"unknown pattern node {node.GetType().Name}");
        }
    }

    /// <summary>True when the pattern matches somewhere in the text; a <see cref="TimeoutException"/> past the deadline (Stopwatch ticks).</summary>
    public bool IsMatch(string text, long deadline)
    {
        var states = _kinds.Length;
        var (seen, waiting) = (new int[states], new int[states]);
        var (current, next) = (new int[states], new int[states]);
        var stack = new int[_edges + 1];
        var currentCount = 0;
        for (var at = 0; ; at++)
        {
            if (at % CharactersBetweenClockChecks == 0 && System.Diagnostics.Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException("the pattern match ran past its deadline");
            var generation = at + 1;
            var nextCount = 0;
            // Carry over the states waiting for this character (marked in this generation first), then a fresh start.
            for (var k = 0; k < currentCount; k++)
                if (Follow(current[k], text, at, seen, generation, stack, next, ref nextCount)) return true;
            if (Follow(_start, text, at, seen, generation, stack, next, ref nextCount)) return true;
            if (at == text.Length) return false;
            var code = text[at];
            currentCount = 0;
            for (var k = 0; k < nextCount; k++)
            {
                var state = next[k];
                var target = _next[state][0];
                if (_tests[state]!(code) && waiting[target] != generation)
                {
                    waiting[target] = generation;
                    current[currentCount++] = target;
                }
            }
        }
    }

    /// <summary>Follows splits and assertions from the state; collects the character states reached. True on reaching the match.</summary>
    private bool Follow(int id, string text, int at, int[] seen, int generation, int[] stack, int[] found, ref int foundCount)
    {
        var top = 0;
        stack[top++] = id;
        while (top > 0)
        {
            var state = stack[--top];
            if (seen[state] == generation) continue;
            seen[state] = generation;
            switch (_kinds[state])
            {
                case Kind.Match:
                    return true;
                case Kind.Split:
                    var targets = _next[state];
                    for (var k = targets.Length - 1; k >= 0; k--) stack[top++] = targets[k];
                    break;
                case Kind.Assert:
                    if (Holds(_assertions[state], text, at)) stack[top++] = _next[state][0];
                    break;
                default:
                    found[foundCount++] = state;
                    break;
            }
        }
        return false;
    }

    private static bool Holds(Assertion assertion, string text, int at) => assertion switch
    {
        Assertion.Start => at == 0,
        Assertion.End => at == text.Length,
        Assertion.WordBoundary => WordBefore(text, at) != WordBefore(text, at + 1),
        _ => WordBefore(text, at) == WordBefore(text, at + 1),
    };

    /// <summary>Whether the character just before position <paramref name="at"/> is a word character.</summary>
    private static bool WordBefore(string text, int at) => at > 0 && at <= text.Length && PatternParser.IsWord(text[at - 1]);
}
