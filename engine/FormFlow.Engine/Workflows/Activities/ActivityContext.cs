using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// One activity execution: reads its inputs (evaluating expressions), and ends it by <see cref="Complete"/>
/// (follow an outcome port) or <see cref="Wait"/> (create a bookmark). Effects go to the outbox with a key
/// that is the same when a failed step is retried.
/// </summary>
public sealed class ActivityContext
{
    private readonly WorkflowRun _run;

    internal ActivityContext(WorkflowRun run, Token token, ActivityDefinition activity)
    {
        _run = run;
        Token = token;
        Activity = activity;
    }

    public ActivityDefinition Activity { get; }
    public Token Token { get; }
    public WorkflowInstance Instance => _run.Instance;
    public WorkflowDefinition Definition => _run.Definition;
    public WorkflowRunnerOptions Options => _run.Options;
    public DateTimeOffset Now => _run.Now;

    /// <summary>Who caused this run (the stimulus's or start's <c>by</c>), for the timeline.</summary>
    public string? By => _run.By;

    /// <summary>The outcome chosen by <see cref="Complete"/>, or null while the activity has not completed.</summary>
    public string? Outcome { get; private set; }

    public bool IsWaiting { get; private set; }

    internal bool Handled { get; set; }

    public void Complete(string outcome = ConnectionDefinition.DefaultOutcome) => Outcome = outcome;

    /// <summary>Parks this activity's token on a new bookmark until a stimulus (or its due time) resumes it.</summary>
    public Bookmark Wait(string kind, JsonObject payload, DateTimeOffset? dueAt = null)
    {
        IsWaiting = true;
        return _run.CreateBookmark(Token, Activity.Id, kind, payload, dueAt);
    }

    /// <summary>Replaces the payload or due time of this activity's open bookmark (reminders sent, ...).</summary>
    public void UpdateBookmark(Bookmark updated) => _run.ReplaceBookmark(updated);

    /// <summary>Gives the open bookmark up: the token goes on when the activity completes.</summary>
    public void Release(Bookmark bookmark) => _run.RemoveBookmark(bookmark);

    // ---- inputs ----

    /// <summary>The input's value: a copy of the literal, or the expression's result; null when not set.</summary>
    public JsonNode? Input(string name)
    {
        var input = Activity.Input(name);
        if (input is null) return null;
        return input.IsExpression ? Evaluate(input.Expression!, name) : input.Literal?.DeepClone();
    }

    /// <summary>The literal itself (not a copy) or the expression's result: for reading, never for storing.</summary>
    private JsonNode? Peek(string name)
    {
        var input = Activity.Input(name);
        if (input is null) return null;
        return input.IsExpression ? Evaluate(input.Expression!, name) : input.Literal;
    }

    public bool Has(string name) => Activity.Input(name) is not null;

    public string? String(string name) => Peek(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => throw InputError(name, "a string", other),
    };

    public string RequiredString(string name) =>
        String(name) is { Length: > 0 } s ? s : throw new WorkflowActivityException($"input '{name}' is required and must be a non-empty string");

    public double? Number(string name) => Peek(name) switch
    {
        null => null,
        JsonValue v when JsonText.Number(v) is { } d => d,
        var other => throw InputError(name, "a number", other),
    };

    public int? Integer(string name)
    {
        var d = Number(name);
        if (d is null) return null;
        if (d != Math.Floor(d.Value) || d < int.MinValue || d > int.MaxValue)
            throw new WorkflowActivityException($"input '{name}' must be a whole number, got {d}");
        return (int)d.Value;
    }

    public bool? Boolean(string name) => Peek(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        var other => throw InputError(name, "true or false", other),
    };

    public JsonObject? Object(string name) => Input(name) switch
    {
        null => null,
        JsonObject o => o,
        var other => throw InputError(name, "an object", other),
    };

    public JsonArray? Array(string name) => Input(name) switch
    {
        null => null,
        JsonArray a => a,
        var other => throw InputError(name, "an array", other),
    };

    private static WorkflowActivityException InputError(string name, string expected, JsonNode? got) =>
        new($"input '{name}' must be {expected}, got {(got is null ? "null" : got.ToJsonString())}");

    // ---- expressions ----

    /// <summary>The names expressions see: variables, input (the submitted data) and caseInfo (the case facts).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Scope => _run.Scope;

    public JsonNode? Evaluate(string expression, string inputName) => _run.Evaluate(expression, inputName);

    public bool IsTruthy(JsonNode? value) => ExpressionEngine.IsTruthy(value);

    /// <summary>The JavaScript truthiness of an input (a literal or an expression's result).</summary>
    public bool IsTruthy(string inputName) => ExpressionEngine.IsTruthy(Peek(inputName));

    /// <summary>Runs statements; returns the script's return value and the scope as the script left it.</summary>
    public ScriptResult RunScript(string source) => _run.RunScript(source);

    /// <summary>Makes <paramref name="variables"/> the instance variables (after a script changed them).</summary>
    public void ReplaceVariables(JsonObject variables) => _run.VariablesReplaced(variables);

    /// <summary>Makes <paramref name="input"/> the form data (after the applicant resubmitted).</summary>
    public void ReplaceInput(JsonObject input) => _run.InputReplaced(input);

    // ---- results and effects ----

    /// <summary>Writes the activity's result to <c>variables[resultVariable]</c> (default: the activity ID).</summary>
    public void SetResult(JsonNode? value) =>
        Instance.Variables[String("resultVariable") ?? Activity.Id] = value;

    public void SetVariable(string name, JsonNode? value) => Instance.Variables[name] = value;

    /// <summary>
    /// Records a side effect once per step: the key is instance + activity + step (+ <paramref name="keySuffix"/>),
    /// so a retried step finds its earlier item and records nothing new.
    /// </summary>
    public OutboxItem AddEffect(string kind, JsonObject payload, string? keySuffix = null)
    {
        var key = $"{Instance.Id}:{Activity.Id}:{Token.Step}" + (keySuffix is null ? "" : ":" + keySuffix);
        var existing = Instance.Outbox.Find(o => o.Key == key);
        if (existing is not null) return existing;
        var item = new OutboxItem(key, kind, Activity.Id, Now, payload);
        Instance.Outbox.Add(item);
        return item;
    }

    public void Record(string eventName, JsonObject? detail = null, string? by = null) =>
        Instance.Timeline.Add(new TimelineEntry(Now, eventName, Activity.Id, by ?? By, detail));

    // ---- flow control used by the fork, join, end and callSubModule activities ----

    internal WorkflowRun Run => _run;
}
