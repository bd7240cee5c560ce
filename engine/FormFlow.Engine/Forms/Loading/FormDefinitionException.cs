namespace FormFlow.Engine.Forms.Loading;

/// <summary>A definition was rejected; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class FormDefinitionException(IReadOnlyList<DefinitionProblem> problems)
    : Exception(Describe(problems))
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<DefinitionProblem> problems) =>
        $"form definition rejected ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):" +
        string.Concat(problems.Select(p => "\n  " + p));
}

/// <summary>One problem: the element it concerns (null for the form itself), its JSON Pointer in the definition, and what is wrong.</summary>
public sealed record DefinitionProblem(string? ElementId, string Path, string Message)
{
    public override string ToString() => $"{(ElementId is null ? "" : $"[{ElementId}] ")}{(Path.Length == 0 ? "/" : Path)}: {Message}";
}
