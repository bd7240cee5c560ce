using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Services;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Services;

/// <summary>A live activation with the org unit it is activated at.</summary>
internal sealed record ServiceEntry(ServiceActivation Activation, OrgUnit Org)
{
    /// <summary>
    /// The applicant's org: where they hold the worker role, else the deepest of their orgs on whose chain the
    /// service is activated, else the service's own org (a cadre applying at the city, say).
    /// </summary>
    public int ApplicantOrg(Account account)
    {
        if (account.Roles.FirstOrDefault(r => r.Role == Roles.Worker) is { } worker) return worker.OrgUnitId;
        var below = account.Roles.Select(r => r.OrgUnit!).Where(o => o.Path.StartsWith(Org.Path, StringComparison.Ordinal))
            .OrderByDescending(o => o.Path.Length).FirstOrDefault();
        return below?.Id ?? Org.Id;
    }

    /// <summary>The start form's field naming the union the applicant chose (an org field; join's "所属基层工会").</summary>
    public const string ChosenUnionKey = "unionOrg";

    /// <summary>
    /// The org a case is routed to: the union the applicant chose on the start form (<see cref="ChosenUnionKey"/>)
    /// when it is an org unit in the service's subtree — a migrant worker registered under one union who works under
    /// another — else <see cref="ApplicantOrg"/>, by the account.
    /// </summary>
    public async Task<int> RoutingOrgAsync(FormFlowDbContext db, Account account, System.Text.Json.Nodes.JsonObject data, CancellationToken ct)
    {
        if (data[ChosenUnionKey] is System.Text.Json.Nodes.JsonValue value && int.TryParse(value.ToString(), out var chosen)
            && await db.OrgUnits.AsNoTracking().Within(Org.Path).AnyAsync(o => o.Id == chosen && o.ArchivedAt == null, ct))
            return chosen;
        return ApplicantOrg(account);
    }

    /// <summary>Whether the account organises the service: a staff role at its org or above (the demo designer at the root does).</summary>
    public bool IsOrganisedBy(Account account) =>
        account.Roles.Any(r => Roles.ReachesSubtree(r.Role) && OrgSubtree.Contains(r.OrgUnit!.Path, Org.Path));
}

/// <summary>
/// Which services an account may use or see. For each role: the live activations on the chain of unions from the
/// root down to the role's org, the deepest one per module winning (a district's own join service replaces the
/// city's). Staff roles also see every live activation inside their subtree, to follow what runs there.
/// Every request asks, so the process keeps the live activations (a few hundred rows at most) and re-reads them
/// only when <see cref="FormFlowDbContext.LiveServicesMarkAsync"/> moves — what another process activated or
/// retired counts at once. The entries are shared: read them, never change or attach them.
/// </summary>
internal sealed class ServiceDirectory
{
    private sealed record Live(string Mark, IReadOnlyList<ServiceEntry> Entries);

    private volatile Live? _live;

    public async Task<List<ServiceEntry>> VisibleToAsync(FormFlowDbContext db, Account account, CancellationToken ct)
    {
        var live = await LiveAsync(db, ct);
        var found = new Dictionary<int, ServiceEntry>();
        foreach (var role in account.Roles)
        {
            foreach (var entry in DeepestOnChain(live, role.OrgUnit!)) found.TryAdd(entry.Activation.Id, entry);
            if (!Roles.ReachesSubtree(role.Role)) continue;
            foreach (var entry in live.Where(e => OrgSubtree.Contains(role.OrgUnit!.Path, e.Org.Path))) found.TryAdd(entry.Activation.Id, entry);
        }
        return found.Values.OrderBy(e => e.Activation.ModuleKey, StringComparer.Ordinal).ThenBy(e => e.Org.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>The services a worker at <paramref name="org"/> gets: per module, the deepest live activation on its chain.</summary>
    public async Task<List<ServiceEntry>> AvailableAtAsync(FormFlowDbContext db, OrgUnit org, CancellationToken ct) =>
        DeepestOnChain(await LiveAsync(db, ct), org);

    /// <summary>One service visible to the account, or null (unknown and invisible answer alike).</summary>
    public async Task<ServiceEntry?> FindAsync(FormFlowDbContext db, Account account, int id, CancellationToken ct) =>
        (await VisibleToAsync(db, account, ct)).FirstOrDefault(e => e.Activation.Id == id);

    private static List<ServiceEntry> DeepestOnChain(IReadOnlyList<ServiceEntry> live, OrgUnit org)
    {
        var chain = OrgSubtree.Chain(org.Path);
        return live.Where(e => chain.Contains(e.Org.Id))
            .GroupBy(e => e.Activation.ModuleKey)
            .Select(g => g.OrderByDescending(e => Array.IndexOf(chain, e.Org.Id)).ThenByDescending(e => e.Activation.ActivatedAt).First())
            .ToList();
    }

    private async Task<IReadOnlyList<ServiceEntry>> LiveAsync(FormFlowDbContext db, CancellationToken ct)
    {
        // The mark is read first: a change landing between it and the rows leaves a stale mark, so the next call re-reads.
        var mark = await db.LiveServicesMarkAsync(ct);
        if (_live is { } kept && kept.Mark == mark) return kept.Entries;
        var rows = await db.ServiceActivations.AsNoTracking().Where(a => a.RetiredAt == null)
            .Join(db.OrgUnits.AsNoTracking(), a => a.OrgUnitId, o => o.Id, (a, o) => new { a, o })
            .ToListAsync(ct);
        var entries = rows.Select(x => new ServiceEntry(x.a, x.o)).ToList();
        _live = new Live(mark, entries);
        return entries;
    }
}
