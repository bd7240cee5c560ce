using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;
using FormFlow.Engine.Workflows.Activities;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Validation;

namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>
/// One pass of the runner over one instance: applies a start, stimulus or retry, then runs scheduled tokens
/// first-in first-out until every token waits, parks at a join, ends, or one faults. Works on the instance it is
/// given; <see cref="WorkflowRunner"/> hands it a copy.
/// </summary>
internal sealed partial class WorkflowRun
{
    private readonly Queue<Token> _queue = new();
    private Dictionary<string, JsonNode?>? _scope;
    private int _steps;
    private bool _stopped;

    public WorkflowRun(WorkflowRunnerOptions options, WorkflowDefinition definition, WorkflowInstance instance, string? by)
    {
        Options = options;
        Definition = definition;
        Instance = instance;
        By = by;
        Now = options.Clock.GetUtcNow();
    }

    public WorkflowRunnerOptions Options { get; }
    public WorkflowDefinition Definition { get; }
    public WorkflowInstance Instance { get; }
    public string? By { get; }

    /// <summary>The clock read once per run, so every entry of one run carries the same time.</summary>
    public DateTimeOffset Now { get; }

    public IReadOnlyDictionary<string, JsonNode?> Scope => _scope ??= new Dictionary<string, JsonNode?>(3)
    {
        ["variables"] = Instance.Variables,
        ["input"] = Instance.Input,
        ["caseInfo"] = Instance.Case,
    };

    /// <summary>Called when a script replaced the variables object, so later expressions see the new one.</summary>
    public void VariablesReplaced(JsonObject variables)
    {
        Instance.Variables = variables;
        _scope = null;
    }

    public void InputReplaced(JsonObject input)
    {
        Instance.Input = input;
        _scope = null;
    }

    // ---- starting ----

    public void Start(JsonObject? input, JsonObject? caseFacts)
    {
        Instance.DefinitionId = Definition.Id;
        Instance.DefinitionVersion = Definition.Version;
        Instance.CreatedAt = Now;
        Instance.Input = input is null ? [] : (JsonObject)input.DeepClone();
        Instance.Case = caseFacts is null ? [] : (JsonObject)caseFacts.DeepClone();
        if (Instance.Case["org"] is null && Instance.Case["applicantOrg"] is { } applicantOrg)
            Instance.Case["org"] = applicantOrg.DeepClone();
        foreach (var variable in Definition.Variables)
            Instance.Variables[variable.Name] = variable.Default?.DeepClone();
        Instance.Timeline.Add(new TimelineEntry(Now, "started", By: By));

        var start = Definition.Activities.FirstOrDefault(a => a.Type == StartActivity.TypeName)
            ?? throw new WorkflowDefinitionException([new(null, "/activities", "the workflow has no start activity")]);
        Schedule(NewToken(start.Id, []));
        RunScheduled();
    }

    // ---- the run loop ----

    private void Schedule(Token token)
    {
        token.Status = TokenStatus.Pending;
        _queue.Enqueue(token);
    }

    private Token NewToken(string activityId, List<string> scopes)
    {
        var token = new Token { Id = "t" + ++Instance.Sequence, ActivityId = activityId, Scopes = scopes, Step = ++Instance.Sequence };
        Instance.Tokens.Add(token);
        return token;
    }

    /// <summary>Queues tokens left pending by an earlier run that stopped at a fault.</summary>
    public void ScheduleLeftovers()
    {
        foreach (var token in Instance.Tokens)
            if (token.Status == TokenStatus.Pending && !_queue.Contains(token)) _queue.Enqueue(token);
    }

    public void RunScheduled()
    {
        while (!_stopped && _queue.TryDequeue(out var token))
        {
            if (token.Status != TokenStatus.Pending || !Instance.Tokens.Contains(token)) continue;
            if (++_steps > Options.MaxStepsPerRun)
            {
                Fault(token, $"more than {Options.MaxStepsPerRun} activities ran without waiting: a loop never stops");
                break;
            }
            Execute(token);
        }
        Settle();
    }

    private void Execute(Token token)
    {
        var activity = Definition.Graph.Activity(token.ActivityId);
        if (activity is null)
        {
            Fault(token, $"activity '{token.ActivityId}' is not in definition '{Definition.Id}' version {Definition.Version}");
            return;
        }
        var behaviour = Options.Registry.Find(activity.Type);
        if (behaviour is null)
        {
            Fault(token, $"unknown activity type '{activity.Type}'");
            return;
        }
        Instance.Visited.Add(activity.Id);
        var context = new ActivityContext(this, token, activity);
        try
        {
            behaviour.Execute(context);
        }
        catch (Exception ex) when (ex is not WorkflowStimulusException)
        {
            Fault(token, ex.Message);
            return;
        }
        Proceed(context);
    }

    /// <summary>Moves the token on after an activity ran, resumed or came due.</summary>
    private void Proceed(ActivityContext context)
    {
        var token = context.Token;
        if (context.Handled) return;
        if (context.Outcome is { } outcome) Follow(token, outcome);
        else if (context.IsWaiting) token.Status = TokenStatus.Waiting;
    }

    /// <summary>Sends the token along the connection from <paramref name="outcome"/>; an unconnected port ends the branch.</summary>
    public void Follow(Token token, string outcome)
    {
        var targets = Definition.Graph.Targets(token.ActivityId, outcome);
        switch (targets.Count)
        {
            case 0:
                EndToken(token);
                break;
            case 1:
                token.ActivityId = targets[0];
                token.Step = ++Instance.Sequence;
                Schedule(token);
                break;
            default:
                Fault(token, $"outcome '{outcome}' of activity '{token.ActivityId}' has {targets.Count} connections; only a fork may start parallel branches");
                break;
        }
    }

    public void Fault(Token token, string message)
    {
        token.Status = TokenStatus.Faulted;
        var incident = new Incident("i" + ++Instance.Sequence, token.ActivityId, token.Id, message, Now);
        Instance.Incidents.Add(incident);
        Instance.Timeline.Add(new TimelineEntry(Now, "faulted", token.ActivityId, By, new JsonObject { ["message"] = message }));
        _stopped = true;
    }

    /// <summary>Sets the status from what is left: incidents, tokens, bookmarks.</summary>
    private void Settle()
    {
        var previous = Instance.Status;
        if (Instance.Incidents.Exists(i => i.ResolvedAt is null)) Instance.Status = WorkflowStatus.Faulted;
        else if (Instance.Tokens.Count == 0) Instance.Status = WorkflowStatus.Finished;
        else if (Instance.Bookmarks.Count > 0) Instance.Status = WorkflowStatus.Waiting;
        else
        {
            // Tokens left with nothing to wait for can only be stuck at joins.
            Fault(Instance.Tokens[0], "no branch can move on: the remaining tokens wait at joins that can never complete");
            Instance.Status = WorkflowStatus.Faulted;
        }
        if (Instance.Status == WorkflowStatus.Finished && previous != WorkflowStatus.Finished)
            Instance.Timeline.Add(new TimelineEntry(Now, "finished", By: By));
        Instance.UpdatedAt = Now;
    }

    // ---- bookmarks ----

    public Bookmark CreateBookmark(Token token, string activityId, string kind, JsonObject payload, DateTimeOffset? dueAt)
    {
        var number = ++Instance.Sequence;
        var id = Instance.ParentId is null ? "b" + number : $"{Instance.Id}#b{number}";
        var bookmark = new Bookmark(id, activityId, token.Id, kind, payload, Now, dueAt);
        Instance.Bookmarks.Add(bookmark);
        token.Status = TokenStatus.Waiting;
        return bookmark;
    }

    public void ReplaceBookmark(Bookmark updated)
    {
        var index = Instance.Bookmarks.FindIndex(b => b.Id == updated.Id);
        if (index < 0) throw new InvalidOperationException($"bookmark '{updated.Id}' is not open");
        Instance.Bookmarks[index] = updated;
    }

    public void RemoveBookmark(Bookmark bookmark) => Instance.Bookmarks.RemoveAll(b => b.Id == bookmark.Id);

    // ---- expressions ----

    private ExpressionEngine Expressions => Options.Expressions ?? ExpressionEngine.Default;

    public JsonNode? Evaluate(string expression, string inputName)
    {
        try
        {
            return Expressions.Evaluate(expression, Scope);
        }
        catch (ExpressionException ex)
        {
            throw new WorkflowActivityException($"input '{inputName}': {ex.Message}");
        }
    }

    public ScriptResult RunScript(string source)
    {
        try
        {
            return Expressions.RunScript(source, Scope);
        }
        catch (ExpressionException ex)
        {
            throw new WorkflowActivityException($"script: {ex.Message}");
        }
    }
}
