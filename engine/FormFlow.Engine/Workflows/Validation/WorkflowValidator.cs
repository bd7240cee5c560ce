using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;
using FormFlow.Engine.Workflows.Activities;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Validation;

/// <summary>
/// Load-time checks of a definition: activity types and inputs, expressions, connections and ports, that every
/// activity is reachable from the start and can reach an end, and fork/join structures that can never complete.
/// </summary>
public sealed class WorkflowValidator
{
    /// <summary>The names workflow expressions see: variables, input and caseInfo (case facts; `case` is a JavaScript keyword).</summary>
    public static readonly IReadOnlySet<string> ScopeNames = new HashSet<string>(["variables", "input", "caseInfo"], StringComparer.Ordinal);

    private readonly ExpressionEngine _expressions;

    public WorkflowValidator(ActivityRegistry? registry = null, ExpressionEngine? expressions = null)
    {
        Registry = registry ?? ActivityRegistry.Default;
        _expressions = expressions ?? ExpressionEngine.Default;
    }

    public static WorkflowValidator Default { get; } = new();

    public ActivityRegistry Registry { get; }

    public IReadOnlyList<WorkflowProblem> Validate(WorkflowDefinition definition)
    {
        var problems = new List<WorkflowProblem>();
        var known = CheckActivities(definition, problems);
        CheckConnections(definition, known, problems);
        if (GraphIsWhole(definition)) GraphChecks.Run(definition, problems);
        return problems;
    }

    /// <summary>Graph checks need unique IDs, one start and connections between existing activities.</summary>
    private static bool GraphIsWhole(WorkflowDefinition definition)
    {
        var ids = definition.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return ids.Count == definition.Activities.Count
            && definition.Activities.Count(a => a.Type == StartActivity.TypeName) == 1
            && definition.Connections.All(c => ids.Contains(c.Source) && ids.Contains(c.Target));
    }

    /// <summary>Checks each activity on its own; returns the IDs of activities with a known type.</summary>
    private HashSet<string> CheckActivities(WorkflowDefinition definition, List<WorkflowProblem> problems)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var activity = definition.Activities[i];
            var path = $"/activities/{i}";
            if (!seen.Add(activity.Id))
            {
                problems.Add(new(activity.Id, $"{path}/id", $"activity ID '{activity.Id}' is used more than once"));
                continue;
            }
            var behaviour = Registry.Find(activity.Type);
            if (behaviour is null)
            {
                problems.Add(new(activity.Id, $"{path}/type",
                    $"unknown activity type '{activity.Type}'; known types: {string.Join(", ", Registry.Descriptors.Select(d => d.Type))}"));
                continue;
            }
            known.Add(activity.Id);
            CheckInputs(activity, behaviour.Descriptor, path, problems);
            behaviour.Check(new ActivityCheck(definition, activity, i, this, problems));
        }
        var starts = definition.Activities.Where(a => a.Type == StartActivity.TypeName).ToList();
        if (starts.Count == 0) problems.Add(new(null, "/activities", "the workflow has no start activity"));
        foreach (var extra in starts.Skip(1))
            problems.Add(new(extra.Id, $"/activities/{IndexOf(definition, extra.Id)}", "a workflow has exactly one start activity; this is another"));
        return known;
    }

    private void CheckInputs(ActivityDefinition activity, ActivityDescriptor descriptor, string path, List<WorkflowProblem> problems)
    {
        foreach (var input in descriptor.Inputs)
            if (input.Required && activity.Input(input.Name) is null)
                problems.Add(new(activity.Id, $"{path}/inputs", $"{descriptor.Type} requires input '{input.Name}'"));
        foreach (var (name, value) in activity.Inputs ?? new Dictionary<string, InputValue>())
        {
            var inputPath = $"{path}/inputs/{name}";
            var input = descriptor.Inputs.FirstOrDefault(d => d.Name == name);
            if (input is null)
            {
                problems.Add(new(activity.Id, inputPath,
                    $"{descriptor.Type} has no input '{name}'; its inputs are {string.Join(", ", descriptor.Inputs.Select(d => d.Name))}"));
                continue;
            }
            if (value.IsExpression)
            {
                if (input.LiteralOnly) problems.Add(new(activity.Id, inputPath, $"input '{name}' must be written as a literal string of JavaScript"));
                else CheckCode(problems, activity.Id, inputPath, value.Expression!, script: false);
            }
            else if (!Fits(input.Kind, value.Literal))
                problems.Add(new(activity.Id, inputPath, $"input '{name}' must be {Describe(input.Kind)}, got {value.Literal?.ToJsonString() ?? "null"}"));
            else if (input.Kind == InputKind.Script)
                CheckCode(problems, activity.Id, inputPath, (string)value.Literal!, script: true);
        }
    }

    internal void CheckCode(List<WorkflowProblem> problems, string activityId, string path, string source, bool script)
    {
        foreach (var problem in _expressions.Check(source, script ? ExpressionKind.Script : ExpressionKind.Expression, ScopeNames))
            problems.Add(new(activityId, path, $"bad {(script ? "script" : "expression")}: {problem}"));
    }

    private static bool Fits(InputKind kind, JsonNode? literal) => kind switch
    {
        InputKind.Any => true,
        InputKind.String or InputKind.Script => literal is JsonValue v && v.TryGetValue<string>(out _),
        InputKind.Number => JsonText.Number(literal) is not null,
        InputKind.Integer => JsonText.Number(literal) is { } d && d == Math.Floor(d),
        InputKind.Boolean => literal is JsonValue v && v.TryGetValue<bool>(out _),
        InputKind.Object => literal is JsonObject,
        InputKind.Array => literal is JsonArray,
        _ => false,
    };

    private static string Describe(InputKind kind) => kind switch
    {
        InputKind.String => "a string",
        InputKind.Script => "a string of JavaScript",
        InputKind.Number => "a number",
        InputKind.Integer => "a whole number",
        InputKind.Boolean => "true or false",
        InputKind.Object => "an object",
        InputKind.Array => "an array",
        _ => "a value",
    };

    private void CheckConnections(WorkflowDefinition definition, HashSet<string> known, List<WorkflowProblem> problems)
    {
        var ids = definition.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var used = new Dictionary<(string, string), int>();
        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var c = definition.Connections[i];
            var path = $"/connections/{i}";
            if (!ids.Contains(c.Source))
                problems.Add(new(c.Source, $"{path}/source", $"connection from '{c.Source}' to '{c.Target}': source activity '{c.Source}' does not exist"));
            if (!ids.Contains(c.Target))
                problems.Add(new(c.Target, $"{path}/target", $"connection from '{c.Source}' to '{c.Target}': target activity '{c.Target}' does not exist"));
            if (!known.Contains(c.Source)) continue;
            var source = definition.Graph.Activity(c.Source)!;
            var behaviour = Registry.Find(source.Type)!;
            var ports = behaviour.OutcomesOf(source);
            if (!ports.Contains(c.Outcome))
                problems.Add(new(c.Source, $"{path}/outcome",
                    $"activity '{c.Source}' ({source.Type}) has no outcome '{c.Outcome}'; its outcomes are {string.Join(", ", ports)}"));
            if (source.Type != ForkActivity.TypeName && used.TryGetValue((c.Source, c.Outcome), out var first))
                problems.Add(new(c.Source, path,
                    $"outcome '{c.Outcome}' of activity '{c.Source}' is already connected (connection {first}); only a fork may start parallel branches"));
            else used.TryAdd((c.Source, c.Outcome), i);
        }
    }

    internal static int IndexOf(WorkflowDefinition definition, string activityId)
    {
        for (var i = 0; i < definition.Activities.Count; i++)
            if (definition.Activities[i].Id == activityId) return i;
        return -1;
    }
}
