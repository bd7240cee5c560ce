namespace FormFlow.Persistence.Orgs;

/// <summary>
/// A node of the union hierarchy. <see cref="Path"/> holds the IDs from the root down to this node,
/// e.g. <c>/1/4/9/</c>, so "everything under X" is one indexed range query (see <see cref="OrgSubtree"/>).
/// </summary>
public sealed class OrgUnit
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public OrgLevel Level { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }

    /// <summary>Materialised path; written when the unit is created and rewritten for its subtree when it moves (see <see cref="OrgUnits"/>).</summary>
    public string Path { get; set; } = "";

    /// <summary>UTC time the unit was archived: it keeps its history (cases, members) but takes no new children, services or people.</summary>
    public DateTime? ArchivedAt { get; set; }
}
