using System.Collections.Concurrent;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Orgs;

/// <summary>
/// The org tree for the workflow engine (<see cref="IOrgResolver"/>; org IDs are the OrgUnit IDs as text). Units
/// rarely change, so the process caches them; an unknown ID reloads the table once. A unit renamed or moved here is
/// forgotten at once (<see cref="Forget"/>); another process reloads the table when its copy is older than
/// <see cref="Freshness"/>. The engine asks synchronously, so callers <see cref="EnsureAsync"/> the case's org before
/// running a workflow.
/// </summary>
internal sealed class OrgDirectory(IServiceScopeFactory scopes, TimeProvider clock) : IOrgResolver
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private sealed record Unit(int Id, int? ParentId, OrgLevel Level, string Name, string Path);

    private ConcurrentDictionary<int, Unit> _units = new();
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;
    private readonly SemaphoreSlim _reload = new(1, 1);

    public async Task EnsureAsync(FormFlowDbContext db, int orgId, CancellationToken ct)
    {
        if (_units.ContainsKey(orgId) && !Stale()) return;
        await _reload.WaitAsync(ct);
        try
        {
            if (_units.ContainsKey(orgId) && !Stale()) return;
            var loaded = new ConcurrentDictionary<int, Unit>();
            foreach (var u in await db.OrgUnits.AsNoTracking().Select(o => new Unit(o.Id, o.ParentId, o.Level, o.Name, o.Path)).ToListAsync(ct))
                loaded[u.Id] = u;
            _units = loaded;
            _loadedAt = clock.GetUtcNow();
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>Drops the cached tree after a unit was created, renamed, moved or archived in this process.</summary>
    public void Forget() => _loadedAt = DateTimeOffset.MinValue;

    private bool Stale() => clock.GetUtcNow() - _loadedAt > Freshness;

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
