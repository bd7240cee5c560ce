namespace FormFlow.Engine.Workflows.Definitions;

/// <summary>Index of a definition for the runtime: activities by ID and targets by (source, outcome).</summary>
internal sealed class FlowGraph
{
    private static readonly IReadOnlyList<string> None = [];
    private readonly Dictionary<string, ActivityDefinition> _activities = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Outcome), List<string>> _targets = [];

    public FlowGraph(WorkflowDefinition definition)
    {
        foreach (var activity in definition.Activities) _activities.TryAdd(activity.Id, activity);
        foreach (var c in definition.Connections)
        {
            if (!_targets.TryGetValue((c.Source, c.Outcome), out var list)) _targets[(c.Source, c.Outcome)] = list = [];
            list.Add(c.Target);
        }
    }

    public ActivityDefinition? Activity(string id) => _activities.GetValueOrDefault(id);

    /// <summary>Targets connected to a port, in definition order.</summary>
    public IReadOnlyList<string> Targets(string source, string outcome) =>
        _targets.TryGetValue((source, outcome), out var list) ? list : None;
}
