using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Services;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Services;

/// <summary>A live activation with the org unit it is activated at.</summary>
public sealed record ServiceEntry(ServiceActivation Activation, OrgUnit Org);

/// <summary>
/// Which services an account may use or see. For each role: the live activations on the chain of unions from the
/// root down to the role's org, the deepest one per module winning (a district's own join service replaces the
/// city's). Staff roles also see every live activation inside their subtree, to follow what runs there.
/// </summary>
public static class ServiceDirectory
{
    public static async Task<List<ServiceEntry>> VisibleToAsync(FormFlowDbContext db, Account account, CancellationToken ct)
    {
        var found = new Dictionary<int, ServiceEntry>();
        foreach (var role in account.Roles)
        {
            foreach (var entry in await AvailableAtAsync(db, role.OrgUnit!, ct)) found.TryAdd(entry.Activation.Id, entry);
            if (!Roles.ReachesSubtree(role.Role)) continue;
            var inside = await db.ServiceActivations.AsNoTracking().Where(a => a.RetiredAt == null)
                .Join(db.OrgUnits.AsNoTracking().Within(role.OrgUnit!.Path), a => a.OrgUnitId, o => o.Id, (a, o) => new { a, o })
                .ToListAsync(ct);
            foreach (var x in inside) found.TryAdd(x.a.Id, new ServiceEntry(x.a, x.o));
        }
        return found.Values.OrderBy(e => e.Activation.ModuleId, StringComparer.Ordinal).ThenBy(e => e.Org.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>The services a worker at <paramref name="org"/> gets: per module, the deepest live activation on its chain.</summary>
    public static async Task<List<ServiceEntry>> AvailableAtAsync(FormFlowDbContext db, OrgUnit org, CancellationToken ct)
    {
        var chain = OrgSubtree.Chain(org.Path);
        var live = await db.ServiceActivations.AsNoTracking().Where(a => a.RetiredAt == null && chain.Contains(a.OrgUnitId))
            .Join(db.OrgUnits.AsNoTracking(), a => a.OrgUnitId, o => o.Id, (a, o) => new { a, o })
            .ToListAsync(ct);
        return live.GroupBy(x => x.a.ModuleId)
            .Select(g => g.OrderByDescending(x => Array.IndexOf(chain, x.o.Id)).ThenByDescending(x => x.a.ActivatedAt).First())
            .Select(x => new ServiceEntry(x.a, x.o))
            .ToList();
    }

    /// <summary>One service visible to the account, or null (unknown and invisible answer alike).</summary>
    public static async Task<ServiceEntry?> FindAsync(FormFlowDbContext db, Account account, int id, CancellationToken ct) =>
        (await VisibleToAsync(db, account, ct)).FirstOrDefault(e => e.Activation.Id == id);
}
