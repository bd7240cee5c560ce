using FormFlow.Engine.Workflows.Definitions;

namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>Finds the definitions that callSubModule activities start.</summary>
public interface ISubWorkflowResolver
{
    /// <summary>The definition with <paramref name="definitionId"/> (the latest when <paramref name="version"/> is null), or null.</summary>
    WorkflowDefinition? Resolve(string definitionId, int? version);
}
