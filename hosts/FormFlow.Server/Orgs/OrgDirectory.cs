using System.Collections.Concurrent;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Orgs;

/// <summary>
/// The org tree for the workflow engine (<see cref="IOrgResolver"/>; org IDs are the OrgUnit IDs as text). Units
/// never move (their path is written once), so the process caches them; an unknown ID reloads the table once.
/// The engine asks synchronously, so callers <see cref="EnsureAsync"/> the case's org before running a workflow.
/// </summary>
internal sealed class OrgDirectory(IServiceScopeFactory scopes) : IOrgResolver
{
    private sealed record Unit(int Id, int? ParentId, OrgLevel Level, string Name, string Path);

    private readonly ConcurrentDictionary<int, Unit> _units = new();
    private readonly SemaphoreSlim _reload = new(1, 1);

    public async Task EnsureAsync(FormFlowDbContext db, int orgId, CancellationToken ct)
    {
        if (_units.ContainsKey(orgId)) return;
        await _reload.WaitAsync(ct);
        try
        {
            if (_units.ContainsKey(orgId)) return;
            foreach (var u in await db.OrgUnits.AsNoTracking().Select(o => new Unit(o.Id, o.ParentId, o.Level, o.Name, o.Path)).ToListAsync(ct))
                _units[u.Id] = u;
        }
        finally
        {
            _reload.Release();
        }
    }

    public string? NameOf(int orgId) => _units.TryGetValue(orgId, out var u) ? u.Name : null;

    public string? ParentOf(string orgId) => Find(orgId)?.ParentId?.ToString();

    public string? AncestorAt(string orgId, string level)
    {
        if (!Enum.TryParse<OrgLevel>(level, true, out var wanted)) return null;
        for (var unit = Find(orgId); unit is not null; unit = unit.ParentId is { } p ? Find(p) : null)
            if (unit.Level == wanted) return unit.Id.ToString();
        return null;
    }

    private Unit? Find(string orgId) => int.TryParse(orgId, out var id) ? Find(id) : null;

    private Unit? Find(int id)
    {
        if (_units.TryGetValue(id, out var unit)) return unit;
        // A unit created after the cache filled (e.g. a named org in a workflow): load it, synchronously, once.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
        var found = db.OrgUnits.AsNoTracking().Where(o => o.Id == id).Select(o => new Unit(o.Id, o.ParentId, o.Level, o.Name, o.Path)).SingleOrDefault();
        if (found is not null) _units[id] = found;
        return found;
    }
}
