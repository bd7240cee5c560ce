namespace FormFlow.Persistence.Cases;

/// <summary>
/// A human step of a case: one row per user-task or offline-handling bookmark (unique per case and bookmark, so no
/// task is created twice). Assigned to a role at an org unit; anyone holding that role there or above may work it.
/// </summary>
public sealed class CaseTask
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string BookmarkId { get; set; }
    public required string ActivityId { get; set; }
    /// <summary>userTask | offlineHandling.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string Role { get; set; }
    public int OrgUnitId { get; set; }
    /// <summary>Outcome names as a JSON array.</summary>
    public string Outcomes { get; set; } = "[]";
    /// <summary>Field key → hidden | read | edit | required, as a JSON object.</summary>
    public string FieldPermissions { get; set; } = "{}";
    public string? FormId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>User name of who completed it; "system" when the workflow closed it (escalation, a join's other branch).</summary>
    public string? CompletedBy { get; set; }
    public string? Outcome { get; set; }
    /// <summary>The account that claimed the task: while set, only it (or its delegate during an absence) handles the task.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public long Version { get; set; }
}
