namespace FormFlow.Persistence.Modules;

/// <summary>
/// A derived module's upgrade onto a newer published version of its parent: the overlay as it was when the upgrade
/// started, and the decisions taken on its conflicts in order (the rebase is a pure function, so the state is the
/// rebase replayed with these decisions). <see cref="FinishedAt"/> is set when the rebased overlay becomes the
/// draft (publish), or when another upgrade replaces this one.
/// </summary>
public sealed class ModuleUpgrade
{
    public int Id { get; set; }
    public int ModuleRecordId { get; set; }
    public int FromParentVersionId { get; set; }
    public int ToParentVersionId { get; set; }
    /// <summary>The child's overlay before the rebase, as JSON.</summary>
    public required string Overlay { get; set; }
    /// <summary>JSON array of <c>{conflictId, choice, value?, by, at}</c>, in the order they were taken.</summary>
    public string Decisions { get; set; } = "[]";
    public DateTime StartedAt { get; set; }
    public required string StartedBy { get; set; }
    public DateTime? FinishedAt { get; set; }
}
