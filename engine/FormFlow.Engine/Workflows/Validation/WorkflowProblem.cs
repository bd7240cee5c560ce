namespace FormFlow.Engine.Workflows.Validation;

/// <summary>
/// One thing wrong with a workflow definition: the activity it concerns (when there is one), the JSON Pointer of
/// the offending element in the definition file, and what is wrong.
/// </summary>
public sealed record WorkflowProblem(string? ActivityId, string Path, string Message)
{
    public override string ToString() =>
        ActivityId is null ? $"{Path}: {Message}" : $"{Path} (activity '{ActivityId}'): {Message}";
}

/// <summary>A definition that cannot be loaded; <see cref="Problems"/> lists every reason found.</summary>
public sealed class WorkflowDefinitionException(IReadOnlyList<WorkflowProblem> problems)
    : Exception(Describe(problems))
{
    public IReadOnlyList<WorkflowProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<WorkflowProblem> problems) =>
        "invalid workflow definition:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
}
