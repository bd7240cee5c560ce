using FormFlow.Engine.Calendars;

namespace FormFlow.Engine.Expressions;

/// <summary>Limits and environment for evaluating expressions. The defaults suit form rules and workflow scripts.</summary>
public sealed record ExpressionOptions
{
    /// <summary>Wall-clock time one evaluation may take (also the match timeout of <c>matches</c>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Statements one evaluation may execute; 0 means no limit (then only the timeout stops a loop).</summary>
    public int MaxStatements { get; init; } = 100_000;

    /// <summary>Bytes one evaluation may allocate.</summary>
    public long MemoryLimitBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Depth of JavaScript calls, and of nesting in scope data and results.</summary>
    public int MaxRecursionDepth { get; init; } = 64;

    /// <summary>
    /// Longest array a script may make (by index or by setting <c>length</c>): one built-in call over a huge sparse
    /// array would otherwise run for seconds between two limit checks.
    /// </summary>
    public uint MaxArrayLength { get; init; } = 1_000_000;

    /// <summary>Longest accepted source text, in characters.</summary>
    public int MaxSourceLength { get; init; } = 20_000;

    /// <summary>Deepest accepted nesting of brackets and sub-expressions in a source.</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>Calendar behind <c>workingDaysBetween</c> and <c>addWorkingDays</c>.</summary>
    public WorkingDayCalendar Calendar { get; init; } = WorkingDayCalendar.ChinaMainland;

    /// <summary>Clock behind <c>today()</c> and ages; "today" is the date in Asia/Shanghai (UTC+8, no daylight saving).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Scope names <see cref="ExpressionEngine.Check(string, ExpressionKind)"/> accepts when it is not told the scope:
    /// what forms (data, item, index) and workflows (variables, input) pass.
    /// </summary>
    public IReadOnlySet<string> ScopeNames { get; init; } = DefaultScopeNames;

    public static IReadOnlySet<string> DefaultScopeNames { get; } =
        new HashSet<string>(["data", "item", "index", "variables", "input"], StringComparer.Ordinal);
}
