namespace FormFlow.Persistence.Orgs;

/// <summary>The tiers of the union hierarchy, top to bottom. Stored as lower-case text.</summary>
public enum OrgLevel
{
    National,
    Province,
    City,
    District,
    Street,
    Grassroots,
}
