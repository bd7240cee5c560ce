using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;

namespace FormFlow.Tests.Workflows;

/// <summary>Writes definition JSON for tests, then loads it through the real loader (schema + validator).</summary>
internal sealed class FlowBuilder(string id = "test-flow", int version = 1)
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];

    /// <summary>Inputs are given as an anonymous object; an input written as new { expression = "..." } is an expression.</summary>
    public FlowBuilder Activity(string activityId, string type, object? inputs = null)
    {
        var activity = new JsonObject { ["id"] = activityId, ["type"] = type };
        if (inputs is not null) activity["inputs"] = JsonSerializer.SerializeToNode(inputs);
        _activities.Add(activity);
        return this;
    }

    public FlowBuilder Variable(string name, object? value)
    {
        _variables.Add(new JsonObject { ["name"] = name, ["default"] = JsonSerializer.SerializeToNode(value) });
        return this;
    }

    public FlowBuilder Connect(string source, string target, string outcome = "done")
    {
        _connections.Add(new JsonObject { ["source"] = source, ["outcome"] = outcome, ["target"] = target });
        return this;
    }

    /// <summary>Connects each activity's "done" port to the next.</summary>
    public FlowBuilder Chain(params string[] ids)
    {
        for (var i = 0; i + 1 < ids.Length; i++) Connect(ids[i], ids[i + 1]);
        return this;
    }

    public string Json() => new JsonObject
    {
        ["id"] = id,
        ["version"] = version,
        ["variables"] = _variables.DeepClone(),
        ["activities"] = _activities.DeepClone(),
        ["connections"] = _connections.DeepClone(),
    }.ToJsonString();

    public WorkflowDefinition Load() => WorkflowDefinitionLoader.Load(Json());
}
