using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.ElsaImport;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Engine.Workflows.Validation;

namespace FormFlow.Cli;

/// <summary>A definition file as the workflow commands read it: FormFlow JSON, or an Elsa 3 export imported on the fly.</summary>
internal sealed record LoadedWorkflow(WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems, bool FromElsa);

/// <summary>
/// A problem as `workflow validate` reports it. Several activity IDs when one problem concerns several activities
/// (the Elsa import lists all unsupported activities in one problem).
/// </summary>
internal sealed record DefinitionProblem(IReadOnlyList<string> ActivityIds, string Path, string Message)
{
    public DefinitionProblem(WorkflowProblem p) : this(p.ActivityId is null ? [] : [p.ActivityId], p.Path, p.Message) { }

    public DefinitionProblem(ElsaImportError e) : this(e.ActivityIds, e.Pointer, e.Message) { }

    public override string ToString() =>
        ActivityIds.Count == 0 ? $"{Path}: {Message}" : $"{Path} ({string.Join(", ", ActivityIds)}): {Message}";

    public JsonObject ToJson() => new()
    {
        ["activityIds"] = new JsonArray(ActivityIds.Select(id => (JsonNode?)id).ToArray()),
        ["path"] = Path,
        ["message"] = Message,
    };
}

internal static class WorkflowFiles
{
    /// <summary>Reads and validates a definition; malformed JSON or a missing file is a <see cref="CliException"/>.</summary>
    public static LoadedWorkflow Load(string path)
    {
        var document = CliJson.ReadFile(path);
        if (ElsaImporter.IsElsa(document))
        {
            try
            {
                var imported = ElsaImporter.Import(document);
                return new LoadedWorkflow(imported, Problems(WorkflowValidator.Default.Validate(imported)), FromElsa: true);
            }
            catch (ElsaImportException ex)
            {
                return new LoadedWorkflow(null, ex.Errors.Select(e => new DefinitionProblem(e)).ToList(), FromElsa: true);
            }
        }
        try
        {
            var definition = WorkflowDefinitionLoader.FromNode(document);
            return new LoadedWorkflow(definition, Problems(WorkflowValidator.Default.Validate(definition)), FromElsa: false);
        }
        catch (WorkflowDefinitionException ex)
        {
            return new LoadedWorkflow(null, Problems(ex.Problems), FromElsa: false);
        }
    }

    /// <summary>A definition that must be valid to go on (run); otherwise every problem in one usage error.</summary>
    public static WorkflowDefinition LoadValid(string path)
    {
        var loaded = Load(path);
        if (loaded.Problems.Count == 0 && loaded.Definition is not null) return loaded.Definition;
        throw new CliException($"{path}: invalid workflow definition:\n  " + string.Join("\n  ", loaded.Problems));
    }

    private static List<DefinitionProblem> Problems(IEnumerable<WorkflowProblem> problems) =>
        problems.Select(p => new DefinitionProblem(p)).ToList();

    /// <summary>An optional JSON object file (input data, case facts); anything but an object is a usage error.</summary>
    public static JsonObject? ReadObject(string? path, string what)
    {
        if (path is null) return null;
        return CliJson.ReadFile(path) as JsonObject ?? throw new CliException($"{path}: the {what} file must hold a JSON object");
    }

    /// <summary>
    /// The org hierarchy for task assignment and escalation: a list of {"id", "level", "parent"?}, parents first.
    /// </summary>
    public static OrgTree? ReadOrgs(string? path)
    {
        if (path is null) return null;
        if (CliJson.ReadFile(path) is not JsonArray list) throw new CliException($"{path}: the orgs file must hold a list of {{id, level, parent}}");
        var tree = new OrgTree();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            string? Text(string key) => (list[i] as JsonObject)?[key] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
            var (id, level, parent) = (Text("id"), Text("level"), Text("parent"));
            if (id is null || level is null) throw new CliException($"{path} /{i}: an org needs an 'id' and a 'level'");
            if (parent is not null && !seen.Contains(parent))
                throw new CliException($"{path} /{i}: parent '{parent}' of org '{id}' must be listed before it");
            if (!seen.Add(id)) throw new CliException($"{path} /{i}: org '{id}' is listed twice");
            tree.Add(id, level, parent);
        }
        return tree;
    }
}
