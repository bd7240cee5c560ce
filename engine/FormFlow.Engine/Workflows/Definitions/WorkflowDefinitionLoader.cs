using FormFlow.Engine.JsonInput;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Validation;

namespace FormFlow.Engine.Workflows.Definitions;

/// <summary>Reads workflow definitions from JSON and writes them back.</summary>
public static class WorkflowDefinitionLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = JsonDepth.Read };

    /// <summary>
    /// Reads and fully validates a definition (schema, then graph, activity inputs and expressions).
    /// Throws <see cref="WorkflowDefinitionException"/> listing every problem.
    /// </summary>
    public static WorkflowDefinition Load(string json, WorkflowValidator? validator = null)
    {
        var definition = Parse(json);
        var problems = (validator ?? WorkflowValidator.Default).Validate(definition);
        if (problems.Count > 0) throw new WorkflowDefinitionException(problems);
        return definition;
    }

    /// <summary>Every problem of a definition document, empty when it loads: for `workflow validate`.</summary>
    public static IReadOnlyList<WorkflowProblem> Check(string json, WorkflowValidator? validator = null)
    {
        try
        {
            return (validator ?? WorkflowValidator.Default).Validate(Parse(json));
        }
        catch (WorkflowDefinitionException ex)
        {
            return ex.Problems;
        }
    }

    /// <summary>Reads a definition checked only against the JSON Schema (no graph or expression checks).</summary>
    public static WorkflowDefinition Parse(string json)
    {
        if (InvalidStrings.FirstIn(json) is { } pointer)
            throw new WorkflowDefinitionException([new WorkflowProblem(null, pointer, InvalidStrings.Describe(pointer))]);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new WorkflowDefinitionException([new WorkflowProblem(null, "/", $"malformed JSON: {ex.Message}")]);
        }
        return FromNode(node);
    }

    /// <summary>Reads a definition from a parsed document checked against the JSON Schema.</summary>
    public static WorkflowDefinition FromNode(JsonNode? node)
    {
        var problems = WorkflowDefinitionSchema.Check(node);
        if (problems.Count > 0) throw new WorkflowDefinitionException(problems);
        var root = node!.AsObject();
        return new WorkflowDefinition(
            Id: (string)root["id"]!,
            Version: root["version"] is JsonValue v ? v.GetValue<int>() : 1,
            Name: (string?)root["name"],
            Variables: Items(root["variables"]).Select(ReadVariable).ToList(),
            Activities: Items(root["activities"]).Select(ReadActivity).ToList(),
            Connections: Items(root["connections"]).Select(ReadConnection).ToList());
    }

    public static JsonObject ToJson(WorkflowDefinition definition)
    {
        var root = new JsonObject { ["id"] = definition.Id, ["version"] = definition.Version };
        if (definition.Name is not null) root["name"] = definition.Name;
        root["variables"] = new JsonArray(definition.Variables.Select(WriteVariable).ToArray<JsonNode?>());
        root["activities"] = new JsonArray(definition.Activities.Select(WriteActivity).ToArray<JsonNode?>());
        root["connections"] = new JsonArray(definition.Connections.Select(c => (JsonNode?)new JsonObject
        {
            ["source"] = c.Source, ["outcome"] = c.Outcome, ["target"] = c.Target,
        }).ToArray());
        return root;
    }

    private static IEnumerable<JsonObject> Items(JsonNode? array) =>
        array is JsonArray list ? list.Select(item => item!.AsObject()) : [];

    private static VariableDefinition ReadVariable(JsonObject v) =>
        new((string)v["name"]!, (string?)v["type"], v["default"]?.DeepClone());

    private static ActivityDefinition ReadActivity(JsonObject a)
    {
        var inputs = a["inputs"] is JsonObject obj
            ? obj.ToDictionary(p => p.Key, p => InputValue.FromNode(p.Value))
            : new Dictionary<string, InputValue>();
        var layout = a["layout"] is JsonObject l
            ? new ActivityLayout((double)l["x"]!, (double)l["y"]!, (double?)l["width"], (double?)l["height"])
            : null;
        return new ActivityDefinition((string)a["id"]!, (string)a["type"]!, (string?)a["name"], inputs, layout);
    }

    private static ConnectionDefinition ReadConnection(JsonObject c) =>
        new((string)c["source"]!, (string)c["target"]!, (string?)c["outcome"] ?? ConnectionDefinition.DefaultOutcome);

    private static JsonNode WriteVariable(VariableDefinition v)
    {
        var node = new JsonObject { ["name"] = v.Name };
        if (v.Type is not null) node["type"] = v.Type;
        if (v.Default is not null) node["default"] = v.Default.DeepClone();
        return node;
    }

    private static JsonNode WriteActivity(ActivityDefinition a)
    {
        var node = new JsonObject { ["id"] = a.Id, ["type"] = a.Type };
        if (a.Name is not null) node["name"] = a.Name;
        if (a.Inputs is { Count: > 0 })
            node["inputs"] = new JsonObject(a.Inputs.Select(p => KeyValuePair.Create(p.Key, p.Value.ToNode())));
        if (a.Layout is { } l)
        {
            var layout = new JsonObject { ["x"] = l.X, ["y"] = l.Y };
            if (l.Width is { } w) layout["width"] = w;
            if (l.Height is { } h) layout["height"] = h;
            node["layout"] = layout;
        }
        return node;
    }
}
