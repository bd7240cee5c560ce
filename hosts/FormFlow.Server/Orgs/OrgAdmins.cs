using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;

namespace FormFlow.Server.Orgs;

/// <summary>Where an account may change the org tree: below the units it holds the admin role at.</summary>
internal static class OrgAdmins
{
    /// <param name="inclusive">True when the admin's own unit counts (creating under it); false for changing a unit itself.</param>
    public static bool Manages(Account account, OrgUnit unit, bool inclusive) =>
        account.Roles.Any(r => r.Role == Roles.Admin && OrgSubtree.Contains(r.OrgUnit!.Path, unit.Path) && (inclusive || r.OrgUnit.Path != unit.Path));

    /// <summary>True when the unit lies in a subtree the account holds a staff role at.</summary>
    public static bool Sees(Account account, OrgUnit unit) =>
        account.Roles.Any(r => Roles.ReachesSubtree(r.Role) && OrgSubtree.Contains(r.OrgUnit!.Path, unit.Path));
}
