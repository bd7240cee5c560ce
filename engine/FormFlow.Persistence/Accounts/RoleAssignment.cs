using FormFlow.Persistence.Orgs;

namespace FormFlow.Persistence.Accounts;

/// <summary>An account holds a role at an org unit; the role applies to that unit's whole subtree.</summary>
public sealed class RoleAssignment
{
    public int Id { get; set; }
    public required string AccountId { get; set; }
    public Account? Account { get; set; }
    public required string Role { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
}
