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

    /// <summary>Materialised path; written once when the unit is created (see <see cref="OrgUnits.CreateAsync"/>).</summary>
    public string Path { get; set; } = "";
}
