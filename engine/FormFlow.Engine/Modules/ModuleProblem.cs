using System.Text.Json.Serialization;

namespace FormFlow.Engine.Modules;

/// <summary>
/// One thing wrong with a module package, an overlay or a resolution: where (file, element ID, JSON Pointer), what,
/// and for lock violations which property, which org holds the lock and why.
/// </summary>
public sealed record ModuleProblem(string? Element, string Path, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Source { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Property { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public OrgRef? LockedBy { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Reason { get; init; }

    public override string ToString() =>
        $"{(Source is null ? "" : Source + ": ")}{(Element is null ? "" : $"[{Element}] ")}{(Path.Length == 0 ? "/" : Path)}: {Message}";
}

/// <summary>A package, overlay or chain was refused; <see cref="Problems"/> lists every reason found.</summary>
public sealed class ModuleException(IReadOnlyList<ModuleProblem> problems) : Exception(Describe(problems))
{
    public IReadOnlyList<ModuleProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<ModuleProblem> problems) =>
        $"refused ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):" + string.Concat(problems.Select(p => "\n  " + p));
}
