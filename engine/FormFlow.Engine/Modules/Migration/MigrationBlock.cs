namespace FormFlow.Engine.Modules.Migration;

/// <summary>Why a case cannot move: <see cref="Kind"/> is one of <see cref="MigrationBlockKinds"/>.</summary>
public sealed record MigrationBlock(string Kind, string Message, string? Activity = null, string? Field = null);

internal static class MigrationBlockKinds
{
    /// <summary>The case has finished: nothing to move.</summary>
    public const string NotRunning = "notRunning";
    /// <summary>The case is faulted: retry or repair it first.</summary>
    public const string Faulted = "faulted";
    /// <summary>A step the case waits at (or a fork it is inside) is not in the new version and the plan maps it nowhere.</summary>
    public const string StepRemoved = "stepRemoved";
    /// <summary>The step the case waits at is another kind of activity in the new version.</summary>
    public const string StepTypeChanged = "stepTypeChanged";
    /// <summary>An open task offers an outcome the new step no longer has.</summary>
    public const string OutcomeRemoved = "outcomeRemoved";
    /// <summary>The new form requires a field the case lacks, with no default and no grandfather rule.</summary>
    public const string RequiredField = "requiredField";
    /// <summary>The case's data breaks another rule of the new form.</summary>
    public const string InvalidData = "invalidData";
}

/// <summary>A case was asked to move that cannot; <see cref="Blocks"/> says why.</summary>
internal sealed class CaseMigrationException(IReadOnlyList<MigrationBlock> blocks)
    : Exception("the case cannot move: " + string.Join("; ", blocks.Select(b => b.Message)))
{
    public IReadOnlyList<MigrationBlock> Blocks { get; } = blocks;
}
