namespace FormFlow.Engine.Workflows.ElsaImport;

/// <summary>One problem in an Elsa file: where it is (JSON Pointer), which activities, and what is wrong.</summary>
public sealed record ElsaImportError(string Pointer, string Message, IReadOnlyList<string> ActivityIds)
{
    public override string ToString() => $"{Pointer}: {Message}";
}

/// <summary>The Elsa file cannot be imported; <see cref="Errors"/> lists every problem found, not only the first.</summary>
public sealed class ElsaImportException(IReadOnlyList<ElsaImportError> errors)
    : Exception("Elsa import failed: " + string.Join("; ", errors))
{
    public IReadOnlyList<ElsaImportError> Errors { get; } = errors;
}
