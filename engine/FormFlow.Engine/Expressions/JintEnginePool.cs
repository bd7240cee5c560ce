using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;

using JintEngine = Jint.Engine;

namespace FormFlow.Engine.Expressions;

/// <summary>
/// Idle Jint engines, each already set up with the limits, the helpers and locked-down built-ins, so an
/// evaluation only binds its scope. Engines are not thread-safe; the pool hands each one to one caller at a time.
/// </summary>
internal sealed class JintEnginePool(ExpressionOptions options)
{
    // Each thread keeps the engine it used last, which makes renting nearly free on the hot path; the shared bag
    // holds engines freed by threads that already have one.
    private readonly ThreadLocal<JintRun?> _local = new();
    private readonly ConcurrentBag<JintRun> _idle = [];
    private readonly int _maxIdle = Environment.ProcessorCount * 4;

    public JintRun Rent(IReadOnlyDictionary<string, JsonNode?> scope)
    {
        var run = _local.Value;
        if (run is not null) _local.Value = null;
        else run = _idle.TryTake(out var idle) ? idle : Create();
        run.Scope = scope;
        return run;
    }

    public void Return(JintRun run)
    {
        run.Unbind();
        if (_local.Value is null) _local.Value = run;
        else if (_idle.Count < _maxIdle) _idle.Add(run);
    }

    private JintRun Create()
    {
        var strings = new StatementStrings(options);
        var engine = new JintEngine(o =>
        {
            o.Strict = true;
            o.Culture = CultureInfo.InvariantCulture;
            o.DisableStringCompilation();
            o.TimeoutInterval(options.Timeout);
            if (options.MaxStatements > 0) o.MaxStatements(options.MaxStatements);
            o.LimitMemory(options.MemoryLimitBytes);
            o.LimitRecursion(options.MaxRecursionDepth);
            o.Constraint(strings.EveryStatement());
        });
        var context = new HelperContext(engine, options, strings);
        HelperLibrary.Install(engine, context);
        ArrayMethodGuards.Install(engine, context);
        TemplateLiteralGuard.Install(engine, context);
        var run = new JintRun(engine, options, context);
        run.InstallVariableAccessors();
        BuiltInLockdown.Apply(engine, [.. HelperLibrary.Names, ScriptAccessors.GetVariable, ScriptAccessors.SetVariable, TemplateLiteralGuard.TagName]);
        return run;
    }
}

/// <summary>One pooled engine and the scope it is bound to for the current evaluation.</summary>
internal sealed class JintRun(JintEngine engine, ExpressionOptions options, HelperContext helpers)
{
    private readonly List<string> _accessors = [];

    public JintEngine Engine => engine;
    public IReadOnlyDictionary<string, JsonNode?> Scope { get; set; } = EmptyScope;

    public JsonNode? ToJson(JsValue value) => JsonConversion.ToJson(value, options.MaxRecursionDepth, options.MaxArrayLength);

    /// <summary>
    /// Makes each scope value a global: read-only views for an expression, writable copies for a script, which also
    /// gets getX/setX accessors for the keys of its <c>variables</c> object.
    /// </summary>
    public void Bind(ExpressionKind kind)
    {
        helpers.StartRun();
        var readOnly = kind == ExpressionKind.Expression;
        foreach (var (name, value) in Scope) engine.SetValue(name, JsonConversion.ToJs(engine, value, options.MaxRecursionDepth, readOnly: readOnly));
        if (!readOnly && Scope.TryGetValue(ScriptAccessors.VariablesScopeName, out var variables) && variables is JsonObject keys)
            foreach (var (key, _) in keys) AddAccessors(key);
    }

    /// <summary>
    /// Removes this run's getX/setX accessors. Scope globals stay until the next run overwrites them: clearing them
    /// costs a good part of a rule's evaluation time, and a later source cannot reach them because its names are
    /// checked against its own scope first.
    /// </summary>
    public void Unbind()
    {
        foreach (var name in _accessors) engine.Global.RemoveOwnProperty(name);
        _accessors.Clear();
        Scope = EmptyScope;
    }

    private static readonly IReadOnlyDictionary<string, JsonNode?> EmptyScope = new Dictionary<string, JsonNode?>();

    /// <summary>getVariable(name) and setVariable(name, value) over the <c>variables</c> scope object.</summary>
    public void InstallVariableAccessors()
    {
        engine.SetValue(ScriptAccessors.GetVariable, new Jint.Runtime.Interop.ClrFunction(engine, ScriptAccessors.GetVariable,
            (_, args) => Variables(ScriptAccessors.GetVariable).Get(Name(ScriptAccessors.GetVariable, args))));
        engine.SetValue(ScriptAccessors.SetVariable, new Jint.Runtime.Interop.ClrFunction(engine, ScriptAccessors.SetVariable,
            (_, args) =>
            {
                Variables(ScriptAccessors.SetVariable).Set(Name(ScriptAccessors.SetVariable, args), args.Length > 1 ? args[1] : JsValue.Undefined);
                return JsValue.Undefined;
            }));
    }

    private void AddAccessors(string key)
    {
        var getter = ScriptAccessors.Getter(key);
        var setter = ScriptAccessors.Setter(key);
        if (HelperLibrary.IsHelper(getter) || HelperLibrary.IsHelper(setter) || Scope.ContainsKey(getter) || Scope.ContainsKey(setter)) return;
        engine.SetValue(getter, new Jint.Runtime.Interop.ClrFunction(engine, getter, (_, _) => Variables(getter).Get(key)));
        engine.SetValue(setter, new Jint.Runtime.Interop.ClrFunction(engine, setter, (_, args) =>
        {
            Variables(setter).Set(key, args.Length > 0 ? args[0] : JsValue.Undefined);
            return JsValue.Undefined;
        }));
        _accessors.Add(getter);
        _accessors.Add(setter);
    }

    // Checked against this run's scope: the global may still hold the value an earlier run bound.
    private Jint.Native.Object.ObjectInstance Variables(string accessor) =>
        (Scope.ContainsKey(ScriptAccessors.VariablesScopeName) ? engine.GetValue(ScriptAccessors.VariablesScopeName) : null)
        as Jint.Native.Object.ObjectInstance
        ?? throw new Jint.Runtime.JavaScriptException(engine.Intrinsics.TypeError, $"{accessor}: the scope has no 'variables' object");

    private string Name(string accessor, JsValue[] args) =>
        args.Length > 0 && args[0].IsString()
            ? args[0].AsString()
            : throw new Jint.Runtime.JavaScriptException(engine.Intrinsics.TypeError, $"{accessor}: the variable name must be a string");
}
