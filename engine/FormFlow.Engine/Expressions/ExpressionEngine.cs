using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace FormFlow.Engine.Expressions;

/// <summary>
/// Checks and evaluates FormFlow expressions and scripts (README.md in this folder is the language reference).
/// Thread-safe: checked and prepared sources are cached by their text, Jint engines are pooled and each evaluation
/// rents one for itself.
/// </summary>
public sealed class ExpressionEngine
{
    private const int MaxCachedSources = 4096;
    private static readonly Lazy<ExpressionEngine> DefaultEngine = new(() => new ExpressionEngine());

    /// <summary>Names a scope may not use: they would hide a helper or a value the language relies on.</summary>
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal)
    {
        "undefined", "NaN", "Infinity", "eval", "Function", "arguments", "globalThis", "window", "global", "self",
        ScriptAccessors.GetVariable, ScriptAccessors.SetVariable, TemplateLiteralGuard.TagName,
    };

    private static readonly IReadOnlyDictionary<string, JsonNode?> EmptyScope = new Dictionary<string, JsonNode?>();

    private readonly ConcurrentDictionary<(string Source, ExpressionKind Kind), PreparedSource> _cache = new();
    private readonly JintEnginePool _pool;

    public ExpressionEngine(ExpressionOptions? options = null)
    {
        Options = options ?? new ExpressionOptions();
        _pool = new JintEnginePool(Options);
    }

    /// <summary>An engine with the default options, shared by everything that does not need its own limits.</summary>
    public static ExpressionEngine Default => DefaultEngine.Value;

    public ExpressionOptions Options { get; }

    /// <summary>How many distinct sources are checked and prepared in the cache.</summary>
    public int CachedSourceCount => _cache.Count;

    /// <summary>
    /// Checks a source against the allowed subset, taking <see cref="ExpressionOptions.ScopeNames"/> as the scope.
    /// An empty list means allowed.
    /// </summary>
    public IReadOnlyList<ExpressionProblem> Check(string source, ExpressionKind kind = ExpressionKind.Expression) =>
        Check(source, kind, Options.ScopeNames);

    /// <summary>Checks a source against the allowed subset for a scope with exactly these names.</summary>
    public IReadOnlyList<ExpressionProblem> Check(string source, ExpressionKind kind, IEnumerable<string> scopeNames)
    {
        var prepared = GetPrepared(source, kind);
        if (prepared.Check.Problems.Count > 0) return prepared.Check.Problems;
        var names = scopeNames as IReadOnlySet<string> ?? scopeNames?.ToHashSet(StringComparer.Ordinal) ?? Options.ScopeNames;
        var accessorsKnown = kind == ExpressionKind.Script && names.Contains(ScriptAccessors.VariablesScopeName);
        return prepared.Check.FreeNames
            .Where(free => !names.Contains(free.Name) && !(accessorsKnown && ScriptAccessors.IsCandidate(free.Name)))
            .Select(free => UnknownName(free, kind))
            .ToList();
    }

    /// <summary>
    /// Evaluates one expression with the scope names as its only globals besides the helpers; the result comes back
    /// as JSON (undefined as null). Throws <see cref="ExpressionException"/> and nothing else.
    /// </summary>
    public JsonNode? Evaluate(string source, IReadOnlyDictionary<string, JsonNode?> scope)
    {
        scope ??= EmptyScope;
        var prepared = Prepare(source, ExpressionKind.Expression);
        ResolveNames(prepared, scope);
        return Run(prepared, scope, static (run, completion) => run.ToJson(completion));
    }

    /// <summary>
    /// Runs a script (workflow "script" activity): the value of its top-level <c>return</c> (or null) and the scope
    /// values as the script left them. Throws <see cref="ExpressionException"/> and nothing else.
    /// </summary>
    public ScriptResult RunScript(string source, IReadOnlyDictionary<string, JsonNode?> scope)
    {
        scope ??= EmptyScope;
        var prepared = Prepare(source, ExpressionKind.Script);
        ResolveNames(prepared, scope);
        return Run(prepared, scope, static (run, completion) =>
        {
            var returned = run.ToJson(completion);
            var after = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var name in run.Scope.Keys) after[name] = run.ToJson(run.Engine.GetValue(name));
            return new ScriptResult(returned, after);
        });
    }

    /// <summary>JavaScript truthiness of a result: null, false, 0, NaN and "" are false; everything else is true.</summary>
    public static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Number => JsonConversion.NumberOf(v) is var d && d != 0 && !double.IsNaN(d),
            _ => true,
        },
        _ => true,
    };

    private PreparedSource GetPrepared(string source, ExpressionKind kind)
    {
        source ??= ""; // a missing rule text is reported as an empty source, not as a .NET argument error
        if (_cache.TryGetValue((source, kind), out var cached)) return cached;
        var prepared = PreparedSource.Create(source, kind, Options);
        // Sources come from definitions, so the set is small; clearing bounds memory if something generates them.
        if (_cache.Count >= MaxCachedSources) _cache.Clear();
        return _cache.GetOrAdd((source, kind), prepared);
    }

    private PreparedSource Prepare(string source, ExpressionKind kind)
    {
        var prepared = GetPrepared(source, kind);
        if (prepared.Check.Problems.Count > 0)
            throw new ExpressionException(prepared.Check.ErrorKind, prepared.Check.Problems[0]);
        return prepared;
    }

    /// <summary>Every name the source uses must be in this scope (or, in scripts, an accessor of one of its variables).</summary>
    private static void ResolveNames(PreparedSource prepared, IReadOnlyDictionary<string, JsonNode?> scope)
    {
        foreach (var name in scope.Keys)
            if (ReservedNames.Contains(name) || HelperLibrary.IsHelper(name))
                throw new ExpressionException(ExpressionErrorKind.Disallowed, $"the scope name '{name}' is reserved for the expression language");
        foreach (var free in prepared.Check.FreeNames)
        {
            if (scope.ContainsKey(free.Name)) continue;
            if (prepared.Kind == ExpressionKind.Script && IsAccessorOfVariables(free.Name, scope)) continue;
            throw new ExpressionException(ExpressionErrorKind.Disallowed, UnknownName(free, prepared.Kind));
        }
    }

    private static bool IsAccessorOfVariables(string name, IReadOnlyDictionary<string, JsonNode?> scope) =>
        scope.TryGetValue(ScriptAccessors.VariablesScopeName, out var variables) && variables is JsonObject obj
        && obj.Any(pair => ScriptAccessors.Getter(pair.Key) == name || ScriptAccessors.Setter(pair.Key) == name);

    private static ExpressionProblem UnknownName(FreeName free, ExpressionKind kind) =>
        new($"unknown name '{free.Name}': {(kind == ExpressionKind.Expression ? "expressions" : "scripts")} can use only their scope names and the helper functions",
            free.Line, free.Column);

    private T Run<T>(PreparedSource prepared, IReadOnlyDictionary<string, JsonNode?> scope, Func<JintRun, JsValue, T> read)
    {
        JintRun? run = null;
        var reusable = false;
        try
        {
            // Inside the try: setting up a new pooled engine runs script too, and its failure must be translated.
            run = _pool.Rent(scope);
            run.Bind(prepared.Kind);
            var completion = run.Engine.Evaluate(prepared.Script!.Value);
            var result = read(run, completion);
            reusable = true;
            return result;
        }
        catch (ExpressionException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw Translate(ex, prepared);
        }
        finally
        {
            // An engine interrupted mid-run may hold half-built state: it is dropped, not pooled.
            if (reusable) _pool.Return(run!);
        }
    }

    private ExpressionException Translate(Exception ex, PreparedSource prepared)
    {
        var what = prepared.Kind == ExpressionKind.Expression ? "the expression" : "the script";
        return ex switch
        {
            JavaScriptException js => new ExpressionException(ExpressionErrorKind.Runtime, RuntimeProblem(js, prepared), js),
            TimeoutException => new ExpressionException(ExpressionErrorKind.Timeout,
                $"{what} ran longer than {Options.Timeout.TotalMilliseconds:0} ms", inner: ex),
            ExecutionCanceledException => new ExpressionException(ExpressionErrorKind.Timeout, $"{what} was cancelled", inner: ex),
            StatementsCountOverflowException => new ExpressionException(ExpressionErrorKind.LimitExceeded,
                $"{what} ran more than {Options.MaxStatements} statements", inner: ex),
            MemoryLimitExceededException => new ExpressionException(ExpressionErrorKind.LimitExceeded,
                $"{what} used more than {Options.MemoryLimitBytes} bytes of memory", inner: ex),
            RecursionDepthOverflowException or InsufficientExecutionStackException => new ExpressionException(
                ExpressionErrorKind.LimitExceeded, $"{what} nested calls more than {Options.MaxRecursionDepth} deep", inner: ex),
            _ => new ExpressionException(ExpressionErrorKind.Runtime, $"{what} failed: {ex.Message}", inner: ex),
        };
    }

    private static ExpressionProblem RuntimeProblem(JavaScriptException js, PreparedSource prepared)
    {
        var name = js.Error is Jint.Native.Object.ObjectInstance error ? error.Get("name").ToString() : "Error";
        var message = $"{name}: {js.Message}";
        var start = js.Location.Start;
        var line = start.Line - PreparedSource.WrapperLines;
        return line >= 1 ? new ExpressionProblem(message, line, prepared.OriginalColumn(line, start.Column) + 1) : new ExpressionProblem(message, 1, 1);
    }
}
