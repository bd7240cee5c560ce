using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace FormFlow.Engine.Forms.Loading;

/// <summary>Checks a definition against form-definition.schema.json (embedded) and names each failing element.</summary>
internal static class DefinitionMetaSchema
{
    private static readonly Lazy<JsonSchema> Schema =
        new(() => JsonSchema.FromText(Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>The definition-format schema text, for tools and editors.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(DefinitionMetaSchema).Assembly.GetManifestResourceStream("forms/form-definition.schema.json")
                ?? throw new InvalidOperationException("the form definition schema is not embedded in the engine");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    public static List<DefinitionProblem> Check(JsonElement definition, JsonNode? node)
    {
        var results = Schema.Value.Evaluate(definition, Options);
        var problems = new List<DefinitionProblem>();
        if (results.IsValid) return problems;
        var seen = new HashSet<string>();
        foreach (var detail in results.Details ?? [])
        {
            var evaluationPath = detail.EvaluationPath.ToString();
            // An "if" that does not match is not a problem; its failures are only how the branch was chosen.
            if (detail.Errors is null || evaluationPath.Contains("/if/") || evaluationPath.EndsWith("/if", StringComparison.Ordinal)) continue;
            var path = detail.InstanceLocation.ToString();
            foreach (var (keyword, message) in detail.Errors)
            {
                var text = evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal)
                    ? $"unknown property '{path[(path.LastIndexOf('/') + 1)..]}'"
                    : Describe(keyword, message, path, node);
                if (seen.Add(path + "\n" + text)) problems.Add(new DefinitionProblem(DefinitionPaths.ElementIdAt(node, path), path, text));
            }
        }
        return problems;
    }

    private static string Describe(string keyword, string message, string path, JsonNode? node)
    {
        if (keyword == "enum" && path.EndsWith("/type", StringComparison.Ordinal))
            return $"unknown field type {DefinitionPaths.At(node, path)?.ToJsonString()}";
        return message;
    }
}
