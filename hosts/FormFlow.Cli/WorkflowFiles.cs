using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.ElsaImport;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Engine.Workflows.Validation;

namespace FormFlow.Cli;

/// <summary>A definition file as the workflow commands read it: FormFlow JSON, or an Elsa 3 export imported on the fly.</summary>
public sealed record LoadedWorkflow(WorkflowDefinition? Definition, IReadOnlyList<WorkflowProblem> Problems, bool FromElsa);

public static class WorkflowFiles
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
                return new LoadedWorkflow(imported, WorkflowValidator.Default.Validate(imported), FromElsa: true);
            }
            catch (ElsaImportException ex)
            {
                return new LoadedWorkflow(null, ex.Errors.Select(ToProblem).ToList(), FromElsa: true);
            }
        }
        try
        {
            var definition = WorkflowDefinitionLoader.FromNode(document);
            return new LoadedWorkflow(definition, WorkflowValidator.Default.Validate(definition), FromElsa: false);
        }
        catch (WorkflowDefinitionException ex)
        {
            return new LoadedWorkflow(null, ex.Problems, FromElsa: false);
        }
    }

    /// <summary>A definition that must be valid to go on (run); otherwise every problem in one usage error.</summary>
    public static WorkflowDefinition LoadValid(string path)
    {
        var loaded = Load(path);
        if (loaded.Problems.Count == 0 && loaded.Definition is not null) return loaded.Definition;
        throw new CliException($"{path}: invalid workflow definition:\n  " + string.Join("\n  ", loaded.Problems.Select(Describe)));
    }

    public static string Describe(WorkflowProblem p) =>
        p.ActivityId is null ? $"{p.Path}: {p.Message}" : $"{p.Path} ({p.ActivityId}): {p.Message}";

    public static JsonObject ToJson(WorkflowProblem p)
    {
        var node = new JsonObject();
        if (p.ActivityId is not null) node["activityId"] = p.ActivityId;
        node["path"] = p.Path;
        node["message"] = p.Message;
        return node;
    }

    /// <summary>An Elsa problem may name several activities (the unsupported-type list); the first one is the problem's.</summary>
    private static WorkflowProblem ToProblem(ElsaImportError e) =>
        new(e.ActivityIds.Count > 0 ? e.ActivityIds[0] : null, e.Pointer, e.Message);

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
        for (var i = 0; i < list.Count; i++)
        {
            var id = (list[i] as JsonObject)?["id"] is JsonValue idValue && idValue.TryGetValue(out string? s) ? s : null;
            var level = (list[i] as JsonObject)?["level"] is JsonValue levelValue && levelValue.TryGetValue(out string? l) ? l : null;
            var parent = (list[i] as JsonObject)?["parent"] is JsonValue parentValue && parentValue.TryGetValue(out string? p) ? p : null;
            if (id is null || level is null) throw new CliException($"{path} /{i}: an org needs an 'id' and a 'level'");
            try
            {
                tree.Add(id, level, parent);
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"{path} /{i}: {ex.Message}");
            }
        }
        return tree;
    }
}
