using FormFlow.Engine.Workflows.Definitions;

namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>Finds the definitions that callSubModule activities start.</summary>
public interface ISubWorkflowResolver
{
    /// <summary>The definition with <paramref name="definitionId"/> (the latest when <paramref name="version"/> is null), or null.</summary>
    WorkflowDefinition? Resolve(string definitionId, int? version);
}

/// <summary>Definitions held in memory, keyed by id and version.</summary>
public sealed class SubWorkflowCatalog : ISubWorkflowResolver
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
