using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Validation;

namespace FormFlow.Engine.Workflows.ElsaImport;

/// <summary>
/// Imports Elsa 3 workflow exports (the core flowchart activity set) as FormFlow workflow definitions.
/// The result is checked against the definition schema; run <c>WorkflowValidator</c> on it for the graph checks.
/// </summary>
public static class ElsaImporter
{
    /// <summary>True when the document looks like an Elsa export (a root activity typed "Elsa.*").</summary>
    public static bool IsElsa(JsonNode? document) => ElsaReader.LooksLikeElsa(document);

    /// <summary>Throws <see cref="ElsaImportException"/> listing every problem, unsupported activity types first.</summary>
    public static WorkflowDefinition Import(JsonNode? document)
    {
        var workflow = ElsaReader.Read(document);
        var definition = ElsaDefinitionMapper.Map(workflow, document?["version"]);
        // Round-trip through the schema so an import can never hand out a definition the loader would refuse.
        try
        {
            return WorkflowDefinitionLoader.FromNode(WorkflowDefinitionLoader.ToJson(definition));
        }
        catch (WorkflowDefinitionException ex)
        {
            // Typically an Elsa ID or name with characters FormFlow IDs do not allow.
            throw new ElsaImportException(ex.Problems
                .Select(p => new ElsaImportError(p.Path, $"the imported definition breaks the FormFlow definition schema: {p.Message}",
                    p.ActivityId is null ? [] : [p.ActivityId]))
                .ToList());
        }
    }
}
