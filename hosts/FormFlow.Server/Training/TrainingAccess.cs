using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;

namespace FormFlow.Server.Training;

/// <summary>
/// Who may do what with banks, trainings and contests. Designers and admins manage those of their org and below;
/// a participant takes a training or contest of any org on their chain (their union or above), and counts in the
/// leaderboards for the union of their worker role (else of their first role).
/// </summary>
internal static class TrainingAccess
{
    public static bool Manages(Account account, OrgUnit org) =>
        account.Roles.Any(r => r.Role is Roles.Designer or Roles.Admin && OrgSubtree.Contains(r.OrgUnit!.Path, org.Path));

    /// <summary>The org is on one of the account's chains, or (for staff roles, which reach their subtree) below one of its roles.</summary>
    public static bool Reaches(Account account, OrgUnit org) =>
        account.Roles.Any(r => OrgSubtree.Contains(org.Path, r.OrgUnit!.Path) || (Roles.ReachesSubtree(r.Role) && OrgSubtree.Contains(r.OrgUnit.Path, org.Path)));

    /// <summary>The union a participant counts for: their worker role's org, else their first role's, else none.</summary>
    public static OrgUnit? UnionOf(Account account) =>
        (account.Roles.FirstOrDefault(r => r.Role == Roles.Worker) ?? account.Roles.OrderBy(r => r.Id).FirstOrDefault())?.OrgUnit;

    /// <summary>
    /// Whether a module-driven training or contest at <paramref name="org"/> gives way, for this account, to the same
    /// module's one at a unit below it on the account's chain (a district's derivation of the city's contest), as the
    /// deepest activation of a service wins.
    /// </summary>
    public static bool Shadowed(Account account, OrgUnit org, string? moduleKey, IEnumerable<(OrgUnit Org, string? ModuleKey)> others) =>
        moduleKey is not null && others.Any(o => o.ModuleKey == moduleKey && o.Org.Id != org.Id && OrgSubtree.Contains(org.Path, o.Org.Path)
            && account.Roles.Any(r => OrgSubtree.Contains(o.Org.Path, r.OrgUnit!.Path)));
}
