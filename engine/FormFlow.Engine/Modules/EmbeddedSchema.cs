using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace FormFlow.Engine.Modules;

/// <summary>A JSON Schema embedded in the engine (the manifest and overlay formats), checked with JsonSchema.Net.</summary>
internal sealed class EmbeddedSchema(string resourceName)
{
    private readonly Lazy<(string Text, JsonSchema Schema)> _embedded = new(() =>
    {
        using var stream = typeof(EmbeddedSchema).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"{resourceName} is not embedded in the engine");
        var text = new StreamReader(stream).ReadToEnd();
        return (text, JsonSchema.FromText(text));
    });

    public static readonly EmbeddedSchema Manifest = new("modules/module-manifest.schema.json");
    public static readonly EmbeddedSchema Overlay = new("modules/overlay.schema.json");

    public string Text => _embedded.Value.Text;

    /// <summary>Every schema error as a problem at its instance JSON Pointer.</summary>
    public List<ModuleProblem> Check(JsonNode? document, string source)
    {
        var result = _embedded.Value.Schema.Evaluate(JsonSerializer.SerializeToElement(document),
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var problems = new List<ModuleProblem>();
        foreach (var detail in result.Details ?? [])
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                // if/then and allOf wrappers repeat the real error; keep the leaf ones.
                if (keyword is "if" or "then" or "allOf" or "$ref") continue;
                var path = detail.InstanceLocation.ToString();
                var text = keyword == "" || message.Contains("false schema")
                    ? $"property '{path[(path.LastIndexOf('/') + 1)..]}' is not part of the format"
                    : $"{message} ({keyword})";
                problems.Add(new ModuleProblem(null, path, text) { Source = source });
            }
        if (problems.Count == 0) problems.Add(new ModuleProblem(null, "", "the document does not match the format") { Source = source });
        return problems.Distinct().ToList();
    }
}
