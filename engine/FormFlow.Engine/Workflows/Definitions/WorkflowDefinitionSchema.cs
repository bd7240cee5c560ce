using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Validation;
using Json.Schema;

namespace FormFlow.Engine.Workflows.Definitions;

/// <summary>The JSON Schema of the definition format (embedded from workflow-definition.schema.json).</summary>
internal static class WorkflowDefinitionSchema
{
    private static readonly Lazy<(string Text, JsonSchema Schema)> Embedded = new(() =>
    {
        var assembly = typeof(WorkflowDefinitionSchema).Assembly;
        using var stream = assembly.GetManifestResourceStream("workflows/workflow-definition.schema.json")
            ?? throw new InvalidOperationException("the workflow definition schema is not embedded in the engine");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return (text, JsonSchema.FromText(text));
    });

    /// <summary>The schema document, for publishing to designers and API clients.</summary>
    public static string Text => Embedded.Value.Text;

    /// <summary>Checks a definition document against the schema; each problem carries the element's JSON Pointer.</summary>
    public static IReadOnlyList<WorkflowProblem> Check(JsonNode? document)
    {
        var element = JsonSerializer.SerializeToElement(document);
        var result = Embedded.Value.Schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var problems = new List<WorkflowProblem>();
        foreach (var detail in result.Details ?? [])
        {
            if (detail.Errors is null) continue;
            var path = detail.InstanceLocation.ToString();
            foreach (var (keyword, message) in detail.Errors)
                problems.Add(new WorkflowProblem(ActivityIdAt(document, path), path == "" ? "/" : path, Explain(keyword, message, path)));
        }
        if (problems.Count == 0) problems.Add(new WorkflowProblem(null, "/", "the document does not match the workflow definition schema"));
        return problems.Distinct().ToList();
    }

    /// <summary>The library's message, except where it says too little (a property the format does not have).</summary>
    private static string Explain(string keyword, string message, string path) => keyword switch
    {
        "" or "false" when message.Contains("false schema") => $"property '{path[(path.LastIndexOf('/') + 1)..]}' is not part of the workflow definition format",
        "pattern" when path.EndsWith("/id") || path.EndsWith("/source") || path.EndsWith("/target") =>
            "an ID may contain only letters, digits and _ . : - (and must not start with . : -)",
        _ => $"{message} ({keyword})",
    };

    /// <summary>The id of the activity an error path points into (/activities/3/...), when it has one.</summary>
    private static string? ActivityIdAt(JsonNode? document, string path)
    {
        var parts = path.Split('/');
        if (parts.Length < 3 || parts[1] != "activities" || !int.TryParse(parts[2], out var index)) return null;
        return document?["activities"] is JsonArray list && index < list.Count && list[index] is JsonObject activity && activity["id"] is JsonValue id
            && id.TryGetValue<string>(out var text) ? text : null;
    }
}
