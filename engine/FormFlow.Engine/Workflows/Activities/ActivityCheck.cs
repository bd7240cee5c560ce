using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Validation;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Load-time checks of one activity: problems carry its ID and the JSON Pointer of the input.</summary>
public sealed class ActivityCheck
{
    private readonly List<WorkflowProblem> _problems;
    private readonly WorkflowValidator _validator;
    private readonly WorkflowDefinition _definition;

    internal ActivityCheck(WorkflowDefinition definition, ActivityDefinition activity, int index, WorkflowValidator validator, List<WorkflowProblem> problems)
    {
        _definition = definition;
        Activity = activity;
        Path = $"/activities/{index}";
        _validator = validator;
        _problems = problems;
    }

    public ActivityDefinition Activity { get; }

    /// <summary>The activity's JSON Pointer in the definition.</summary>
    public string Path { get; }

    public void Problem(string? input, string message) =>
        _problems.Add(new WorkflowProblem(Activity.Id, input is null ? Path : $"{Path}/inputs/{input}", message));

    /// <summary>The literal value of an input, or null when it is absent or an expression (checked when it runs).</summary>
    public JsonNode? Literal(string input) => Activity.Input(input) is { IsExpression: false } value ? value.Literal : null;

    /// <summary>The literal string value of an input; null when absent, an expression or not a string (reported already).</summary>
    public string? LiteralString(string input) => JsonText.Of(Literal(input));

    public bool IsSet(string input) => Activity.Input(input) is not null;

    /// <summary>True when some connection leaves this activity's <paramref name="outcome"/> port.</summary>
    public bool IsConnected(string outcome) =>
        _definition.Connections.Any(c => c.Source == Activity.Id && c.Outcome == outcome);

    /// <summary>Checks JavaScript held inside a literal input (e.g. the conditions of switch cases).</summary>
    public void CheckExpression(string input, string source, string pointerSuffix = "") =>
        _validator.CheckCode(_problems, Activity.Id, $"{Path}/inputs/{input}{pointerSuffix}", source, script: false);

    public void CheckScript(string input, string source) =>
        _validator.CheckCode(_problems, Activity.Id, $"{Path}/inputs/{input}", source, script: true);
}
