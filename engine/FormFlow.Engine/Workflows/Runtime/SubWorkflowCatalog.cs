using FormFlow.Engine.Workflows.Definitions;

namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>Definitions held in memory, keyed by id and version.</summary>
internal sealed class SubWorkflowCatalog : ISubWorkflowResolver
{
    private readonly List<WorkflowDefinition> _definitions = [];

    public SubWorkflowCatalog Add(WorkflowDefinition definition)
    {
        _definitions.Add(definition);
        return this;
    }

    public WorkflowDefinition? Resolve(string definitionId, int? version) =>
        _definitions.Where(d => d.Id == definitionId && (version is null || d.Version == version))
            .MaxBy(d => d.Version);
}
