using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FormFlow.Engine.Workflows.Definitions;

/// <summary>
/// A workflow flowchart as read from JSON: activities joined by connections from an outcome port to a target.
/// Immutable; the runtime keeps a lookup index beside it (built once, on first use).
/// </summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    string? Name,
    IReadOnlyList<VariableDefinition> Variables,
    IReadOnlyList<ActivityDefinition> Activities,
    IReadOnlyList<ConnectionDefinition> Connections)
{
    private FlowGraph? _graph;

    /// <summary>Activity lookups and outgoing connections; built once per definition.</summary>
    [JsonIgnore]
    internal FlowGraph Graph => _graph ??= new FlowGraph(this);
}

/// <summary>A workflow variable; <see cref="Default"/> is its value when an instance starts.</summary>
public sealed record VariableDefinition(string Name, string? Type = null, JsonNode? Default = null);

public sealed record ActivityDefinition(
    string Id,
    string Type,
    string? Name = null,
    IReadOnlyDictionary<string, InputValue>? Inputs = null,
    ActivityLayout? Layout = null)
{
    /// <summary>The input named <paramref name="name"/>, or null when the definition does not set it.</summary>
    public InputValue? Input(string name) =>
        Inputs is not null && Inputs.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Where the designer draws an activity; the runtime ignores it.</summary>
public sealed record ActivityLayout(double X, double Y, double? Width = null, double? Height = null);

/// <summary>Control flows from <see cref="Source"/> to <see cref="Target"/> when the source ends with <see cref="Outcome"/>.</summary>
public sealed record ConnectionDefinition(string Source, string Target, string Outcome = ConnectionDefinition.DefaultOutcome)
{
    public const string DefaultOutcome = "done";
}
