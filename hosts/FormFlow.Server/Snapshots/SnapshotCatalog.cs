using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Snapshots;

/// <summary>
/// Stored snapshots as engine objects, cached by hash for the life of the process: a snapshot never changes, so a
/// cached entry never goes stale, and compiling forms and workflows happens once per snapshot.
/// </summary>
public sealed class SnapshotCatalog
{
    private readonly ConcurrentDictionary<string, Lazy<LoadedSnapshot>> _loaded = new(StringComparer.Ordinal);

    /// <summary>The snapshot with this hash, or null when none is stored.</summary>
    public async Task<LoadedSnapshot?> GetAsync(FormFlowDbContext db, string hash, CancellationToken ct)
    {
        if (_loaded.TryGetValue(hash, out var cached)) return cached.Value;
        var content = await db.ModuleSnapshots.AsNoTracking().Where(s => s.Hash == hash).Select(s => s.Content).SingleOrDefaultAsync(ct);
        if (content is null) return null;
        return _loaded.GetOrAdd(hash, h => new Lazy<LoadedSnapshot>(() => new LoadedSnapshot(h, JsonNode.Parse(content)!.AsObject()))).Value;
    }

    public async Task<LoadedSnapshot> RequireAsync(FormFlowDbContext db, string hash, CancellationToken ct) =>
        await GetAsync(db, hash, ct) ?? throw new InvalidOperationException($"snapshot {hash} is not stored");
}
