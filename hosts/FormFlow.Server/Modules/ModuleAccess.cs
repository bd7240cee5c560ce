using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>
/// Who may do what in the module library. Staff see the modules owned in their subtrees and the templates on
/// their chain of unions above (what they could derive). Designers edit templates and derived modules owned at
/// or below the org they hold the role at; admins derive, edit and activate only modules owned at or below
/// their org. Workers and merchants have no business here (403).
/// </summary>
internal sealed class ModuleAccess
{
    private readonly List<(string Role, OrgUnit Org)> _roles;

    private ModuleAccess(Account account, List<(string, OrgUnit)> roles)
    {
        Account = account;
        _roles = roles;
    }

    public Account Account { get; }
    public string Actor => Account.UserName ?? Account.Id;

    public static ModuleAccess For(Account account) =>
        new(account, account.Roles.Where(r => Roles.ReachesSubtree(r.Role)).Select(r => (r.Role, r.OrgUnit!)).ToList());

    /// <summary>Any staff role at all: without one, the library answers 403.</summary>
    public bool IsStaff => _roles.Count > 0;

    public bool CanRead(ModuleRecord module, OrgUnit owner) =>
        _roles.Any(r => OrgSubtree.Contains(r.Org.Path, owner.Path)                                       // owned in my subtree
                        || (module.Kind == ModuleKinds.Template && OrgSubtree.Contains(owner.Path, r.Org.Path))); // a template above me

    /// <summary>Edit the draft, upgrade, publish: a designer over the owner, or for a derived module an admin over it.</summary>
    public bool CanEdit(ModuleRecord module, OrgUnit owner) =>
        _roles.Any(r => OrgSubtree.Contains(r.Org.Path, owner.Path)
                        && (r.Role == Roles.Designer || (r.Role == Roles.Admin && module.Kind == ModuleKinds.Derived)));

    /// <summary>Derive for <paramref name="target"/> (designers and admins holding a role over it).</summary>
    public bool CanDeriveFor(OrgUnit target) =>
        _roles.Any(r => r.Role is Roles.Designer or Roles.Admin && OrgSubtree.Contains(r.Org.Path, target.Path));

    /// <summary>Start a new template owned by <paramref name="target"/> (create or duplicate): a designer over it, who will edit it.</summary>
    public bool CanCreateTemplateAt(OrgUnit target) =>
        _roles.Any(r => r.Role == Roles.Designer && OrgSubtree.Contains(r.Org.Path, target.Path));

    /// <summary>Archive or bring back: an admin over the owner, or the module's own editor.</summary>
    public bool CanArchive(ModuleRecord module, OrgUnit owner) =>
        CanEdit(module, owner) || _roles.Any(r => r.Role == Roles.Admin && OrgSubtree.Contains(r.Org.Path, owner.Path));

    /// <summary>Activate for <paramref name="target"/>: an editor of the module holding a role over the target too.</summary>
    public bool CanActivate(ModuleRecord module, OrgUnit owner, OrgUnit target) =>
        CanEdit(module, owner) && _roles.Any(r => r.Role is Roles.Designer or Roles.Admin && OrgSubtree.Contains(r.Org.Path, target.Path));

    /// <summary>The modules this account may read, with their owners.</summary>
    public async Task<List<(ModuleRecord Module, OrgUnit Owner)>> VisibleAsync(FormFlowDbContext db, CancellationToken ct)
    {
        var rows = await db.Modules.AsNoTracking().Include(m => m.Versions)
            .Join(db.OrgUnits.AsNoTracking(), m => m.OwnerOrgUnitId, o => o.Id, (m, o) => new { m, o })
            .ToListAsync(ct);
        return rows.Where(x => CanRead(x.m, x.o)).Select(x => (x.m, x.o)).OrderBy(x => x.o.Path, StringComparer.Ordinal).ThenBy(x => x.m.Key).ToList();
    }
}
