using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Engine.Forms.Schema;
using FormFlow.Engine.Responses;
using FormFlow.Engine.Workflows.Definitions;

namespace FormFlow.Server.Snapshots;

/// <summary>A stored snapshot turned into engine objects: its forms (definition, runtime, JSON Schema) and its workflow.</summary>
internal sealed class LoadedSnapshot
{
    public string Hash { get; }
    public JsonObject Module { get; }
    public string ModuleKey => (string)Module["id"]!;
    public string Version => (string)Module["version"]!;
    public WorkflowDefinition Workflow { get; }
    public IReadOnlyDictionary<string, LoadedForm> Forms { get; }
    /// <summary>The form the workflow starts on (its start activity's formId), else the module's first form.</summary>
    public LoadedForm StartForm { get; }
    /// <summary>How the service takes answers (window, limit, eligibility, anonymity, who sees results).</summary>
    public ResponsePolicy Policy { get; }
    /// <summary>A secret ballot's pile keys (every possible answer); empty for any other policy.</summary>
    public IReadOnlySet<string> Piles => _piles.Value;
    private readonly Lazy<IReadOnlySet<string>> _piles;

    public LoadedSnapshot(string hash, JsonObject module)
    {
        Hash = hash;
        Module = module;
        Forms = (module["forms"]?.AsArray() ?? []).Select(f => LoadedForm.From(f!.AsObject())).ToDictionary(f => f.Id);
        Workflow = WorkflowDefinitionLoader.FromNode(module["workflow"]);
        var start = Workflow.Activities.FirstOrDefault(a => a.Type == "start");
        var formId = start?.Input("formId")?.Literal is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
        StartForm = formId is not null && Forms.TryGetValue(formId, out var form) ? form
            : Forms.Values.FirstOrDefault() ?? throw new InvalidOperationException($"snapshot {hash} of module {ModuleKey} has no form");
        Policy = ResponsePolicy.Of(module);
        _piles = new(() => Policy.Anonymity == ResponseAnonymity.SecretBallot
            ? BallotPiles.All(StartForm.Definition).ToHashSet(StringComparer.Ordinal) : new HashSet<string>());
    }

    /// <summary>The form a task step works on: its own formId when the module has it, else the start form.</summary>
    public LoadedForm FormFor(string? formId) => formId is not null && Forms.TryGetValue(formId, out var form) ? form : StartForm;
}

/// <summary>
/// One form of a snapshot. <see cref="Json"/> is the definition as participants receive it (service view, case view,
/// task view): every quiz field's <c>answer</c> is left out, so no response can carry a key. The keys stay in
/// <see cref="Definition"/>, for scoring on the server.
/// </summary>
internal sealed record LoadedForm(string Id, JsonObject Json, FormDefinition Definition, FormRuntime Runtime, JsonObject Schema)
{
    public static LoadedForm From(JsonObject json)
    {
        var definition = FormDefinitionLoader.Load(json);
        return new LoadedForm(definition.Id, WithoutAnswerKeys(json), definition, new FormRuntime(definition), FormSchemaCompiler.ToJson(definition));
    }

    private static JsonObject WithoutAnswerKeys(JsonObject json)
    {
        var copy = (JsonObject)json.DeepClone();
        Strip(copy);
        return copy;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == FieldTypes.Quiz) o.Remove("answer");
                foreach (var (_, child) in o) Strip(child);
                break;
            case JsonArray a:
                foreach (var child in a) Strip(child);
                break;
        }
    }
}
