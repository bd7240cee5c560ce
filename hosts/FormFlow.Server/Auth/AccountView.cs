using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;

namespace FormFlow.Server.Auth;

/// <summary>An account as the API shows it: who it is and which roles it holds where.</summary>
internal sealed record AccountView(string Id, string UserName, string DisplayName, IReadOnlyList<RoleView> Roles)
{
    public static AccountView Of(Account account) => new(
        account.Id,
        account.UserName!,
        account.DisplayName,
        account.Roles
            .OrderBy(r => r.OrgUnit!.Path, StringComparer.Ordinal).ThenBy(r => r.Role, StringComparer.Ordinal)
            .Select(r => new RoleView(r.Role, r.OrgUnitId, r.OrgUnit!.Name, r.OrgUnit.Level, r.OrgUnit.Path))
            .ToList());
}

/// <summary>A role held at an org unit; it applies to the unit's subtree (see <see cref="Roles.ReachesSubtree"/>).</summary>
internal sealed record RoleView(string Role, int OrgId, string OrgName, OrgLevel OrgLevel, string OrgPath);
