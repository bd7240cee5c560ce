using System.Diagnostics;
using System.Globalization;
using FormFlow.Engine.Expressions.Patterns;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

using JintEngine = Jint.Engine;

namespace FormFlow.Engine.Expressions;

/// <summary>One call of a helper function: its arguments, read with the library's null rules and clear errors.</summary>
internal readonly struct HelperCall(string name, JsValue[] arguments, HelperContext context)
{
    public string Name => name;
    public int Count => arguments.Length;
    public HelperContext Context => context;
    public JsValue this[int index] => index < arguments.Length ? arguments[index] : JsValue.Undefined;

    public bool IsNullish(int index) => this[index].IsNull() || this[index].IsUndefined();

    /// <summary>A TypeError the script sees as "len: expects a string or an array, got number".</summary>
    public JavaScriptException Error(string message) => new(context.Engine.Intrinsics.TypeError, $"{name}: {message}");

    /// <summary>null/undefined read as null; anything else must be a string.</summary>
    public string? OptionalString(int index, string parameter)
    {
        var value = this[index];
        if (value.IsNull() || value.IsUndefined()) return null;
        if (value.IsString()) return value.AsString();
        throw Error($"{parameter} must be a string, got {TypeName(value)}");
    }

    public double Number(int index, string parameter)
    {
        var value = this[index];
        if (value.IsNumber()) return value.AsNumber();
        throw Error($"{parameter} must be a number, got {TypeName(value)}");
    }

    public int Integer(int index, string parameter, int min, int max)
    {
        var number = Number(index, parameter);
        if (number != Math.Floor(number) || number < min || number > max)
            throw Error($"{parameter} must be a whole number from {min} to {max}, got {JsNumberText(number)}");
        return (int)number;
    }

    /// <summary>A date argument: null, undefined and "" read as null; otherwise "yyyy-MM-dd" (a datetime's date part counts).</summary>
    public DateOnly? OptionalDate(int index, string parameter)
    {
        var text = OptionalString(index, parameter);
        if (string.IsNullOrEmpty(text)) return null;
        if (DateText.TryParse(text, out var date)) return date;
        throw Error($"{parameter} must be a date written yyyy-MM-dd, got \"{text}\"");
    }

    public static string TypeName(JsValue value) => value.Type switch
    {
        Types.Undefined => "undefined",
        Types.Null => "null",
        Types.Boolean => "boolean",
        Types.String => "string",
        Types.Number => "number",
        _ when value.IsArray() => "array",
        _ => "object",
    };

    private static string JsNumberText(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// What every helper on one pooled Jint engine shares: the engine (for errors), the options (clock, calendar), the
/// current run's deadline, the count of strings built in the current statement and the compiled patterns of <c>matches</c>. Used by one evaluation at a time, like its engine.
/// </summary>
internal sealed class HelperContext(JintEngine engine, ExpressionOptions options, StatementStrings strings)
{
    private const int MaxCachedPatterns = 256;
    private readonly Dictionary<string, LinearPattern> _patterns = new(StringComparer.Ordinal);

    public JintEngine Engine => engine;
    public ExpressionOptions Options => options;

    /// <summary>
    /// When the current run must stop (Stopwatch ticks). Jint stops script at its timeout, but cannot interrupt a
    /// helper running C#, so a long helper (a match over a huge text) looks at this itself.
    /// </summary>
    public long Deadline { get; private set; }

    public void StartRun() => Deadline = Stopwatch.GetTimestamp() + (long)(options.Timeout.TotalSeconds * Stopwatch.Frequency);

    /// <summary>
    /// Counts characters a join or template literal is about to append, and refuses them before they are appended once
    /// the strings built in the current statement would pass half the memory limit: such a builder allocates its whole
    /// result within one native call, where the memory limit (checked between statements) cannot stop it.
    /// </summary>
    public void Build(string operation, int length)
    {
        if (!strings.TryAdd(length))
            throw new JavaScriptException(engine.Intrinsics.TypeError, $"{operation}: the result would exceed {options.MemoryLimitBytes} bytes");
    }

    /// <summary>
    /// The linear-time matcher of a <c>matches</c> pattern, compiled once per engine. The pattern must first be a
    /// valid JavaScript RegExp (else the SyntaxError JavaScript gives), then lie within the linear-time dialect,
    /// exactly as in the browser (else a TypeError naming what is not supported).
    /// </summary>
    public LinearPattern Pattern(string pattern, HelperCall call)
    {
        if (_patterns.TryGetValue(pattern, out var cached)) return cached;
        engine.Intrinsics.RegExp.Construct([JsString.Create(pattern)], engine.Intrinsics.RegExp);
        LinearPattern compiled;
        try
        {
            compiled = new LinearPattern(pattern);
        }
        catch (PatternSyntaxException ex)
        {
            throw call.Error($"the pattern \"{pattern}\" is not supported: {ex.Message}");
        }
        // Patterns come from definitions, so few are distinct; the bound only guards against a generated flood.
        if (_patterns.Count >= MaxCachedPatterns) _patterns.Clear();
        _patterns[pattern] = compiled;
        return compiled;
    }

    /// <summary>Today in Asia/Shanghai: mainland China keeps UTC+8 all year, so a fixed offset is exact.</summary>
    public DateOnly Today => DateOnly.FromDateTime(options.Clock.GetUtcNow().UtcDateTime.AddHours(8));
}
