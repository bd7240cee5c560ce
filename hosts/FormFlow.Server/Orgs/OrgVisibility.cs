using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Orgs;

/// <summary>
/// Which org units an account may see: for a staff role at X, X's whole subtree (one indexed path-range query);
/// for a worker or merchant at X, only the chain from the root down to X — the unions they belong to, not their
/// siblings or anything below. Archived units are left out unless asked for.
/// </summary>
internal static class OrgVisibility
{
    public static async Task<IReadOnlyList<OrgUnit>> VisibleToAsync(FormFlowDbContext db, Account account, CancellationToken ct, bool archived = false)
    {
        var visible = new Dictionary<int, OrgUnit>();
        foreach (var role in account.Roles)
        {
            var at = role.OrgUnit!;
            var query = archived ? db.OrgUnits.AsNoTracking() : db.OrgUnits.AsNoTracking().Where(o => o.ArchivedAt == null);
            if (Roles.ReachesSubtree(role.Role))
            {
                query = query.Within(at.Path);
            }
            else
            {
                var chain = OrgSubtree.Chain(at.Path);
                query = query.Where(o => chain.Contains(o.Id));
            }
            foreach (var unit in await query.ToListAsync(ct)) visible.TryAdd(unit.Id, unit);
        }
        return visible.Values.OrderBy(o => o.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>The ids of the org units in the subtrees of the given role assignments (one query, no list in memory).</summary>
    public static IQueryable<int> IdsWithin(FormFlowDbContext db, IEnumerable<RoleAssignment> roles)
    {
        IQueryable<int>? ids = null;
        foreach (var path in roles.Select(r => r.OrgUnit!.Path).Distinct())
        {
            var within = db.OrgUnits.Within(path).Select(o => o.Id);
            ids = ids is null ? within : ids.Union(within);
        }
        return ids ?? db.OrgUnits.Where(_ => false).Select(o => o.Id);
    }
}
