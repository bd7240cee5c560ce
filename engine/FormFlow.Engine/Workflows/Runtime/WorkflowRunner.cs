using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;
using FormFlow.Engine.Workflows.Definitions;

namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>
/// Runs workflow instances. Every call takes an instance and returns a new one; the one passed in is never
/// changed, so a rejected stimulus (<see cref="WorkflowStimulusException"/>) leaves the caller's state as it was.
/// The same definition, clock readings and stimuli always give the same instance JSON.
/// </summary>
public sealed class WorkflowRunner(WorkflowRunnerOptions? options = null)
{
    public WorkflowRunnerOptions Options { get; } = WithExpressions(options ?? new WorkflowRunnerOptions());

    private static WorkflowRunnerOptions WithExpressions(WorkflowRunnerOptions options) =>
        options.Expressions is not null
            ? options
            : options with { Expressions = new ExpressionEngine(new ExpressionOptions { Clock = options.Clock, Calendar = options.Calendar }) };

    /// <summary>
    /// Starts an instance at the definition's start activity and runs until it waits, finishes or faults.
    /// <paramref name="caseFacts"/> are seen by expressions as <c>caseInfo</c> (id, applicantOrg, org, ...).
    /// </summary>
    public WorkflowInstance Start(
        WorkflowDefinition definition,
        JsonObject? input = null,
        JsonObject? caseFacts = null,
        string? instanceId = null,
        string? by = null)
    {
        var instance = new WorkflowInstance { Id = instanceId ?? Guid.NewGuid().ToString("N") };
        new WorkflowRun(Options, definition, instance, by).Start(input, caseFacts);
        return instance;
    }

    /// <summary>Applies a stimulus to a copy of <paramref name="instance"/> and runs on; returns the copy.</summary>
    public WorkflowInstance Resume(WorkflowDefinition definition, WorkflowInstance instance, Stimulus stimulus)
    {
        CheckDefinition(definition, instance);
        var copy = instance.Clone();
        new WorkflowRun(Options, definition, copy, stimulus.By).Apply(stimulus);
        return copy;
    }

    /// <summary>Runs the faulted activities of a copy of <paramref name="instance"/> again and carries on.</summary>
    public WorkflowInstance Retry(WorkflowDefinition definition, WorkflowInstance instance, string? by = null)
    {
        CheckDefinition(definition, instance);
        var copy = instance.Clone();
        new WorkflowRun(Options, definition, copy, by).Retry();
        return copy;
    }

    private static void CheckDefinition(WorkflowDefinition definition, WorkflowInstance instance)
    {
        if (definition.Id != instance.DefinitionId || definition.Version != instance.DefinitionVersion)
            throw new WorkflowStimulusException(
                $"instance '{instance.Id}' runs definition '{instance.DefinitionId}' version {instance.DefinitionVersion}, not '{definition.Id}' version {definition.Version}");
    }
}
