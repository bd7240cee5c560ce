using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Snapshots;

/// <summary>
/// Stored snapshots as engine objects, cached by hash for the life of the process: a snapshot never changes, so a
/// cached entry never goes stale, and compiling forms and workflows happens once per snapshot.
/// </summary>
internal sealed class SnapshotCatalog
{
    private readonly ConcurrentDictionary<string, Lazy<LoadedSnapshot>> _loaded = new(StringComparer.Ordinal);

    /// <summary>The snapshot with this hash, or null when none is stored.</summary>
    public async Task<LoadedSnapshot?> GetAsync(FormFlowDbContext db, string hash, CancellationToken ct)
    {
        if (_loaded.TryGetValue(hash, out var cached)) return cached.Value;
        var content = await ReadContentAsync(db, hash, ct);
        if (content is null) return null;
        return _loaded.GetOrAdd(hash, h => new Lazy<LoadedSnapshot>(() => new LoadedSnapshot(h, JsonNode.Parse(content)!.AsObject()))).Value;
    }

    /// <summary>A stored snapshot's module document, parsed anew (the caller may change it); throws when none is stored.</summary>
    public static async Task<JsonObject> ReadDocumentAsync(FormFlowDbContext db, string hash, CancellationToken ct) =>
        JsonNode.Parse(await ReadContentAsync(db, hash, ct) ?? throw new InvalidOperationException($"snapshot {hash} is not stored"))!.AsObject();

    /// <summary>The one place that reads a snapshot row by its hash.</summary>
    private static Task<string?> ReadContentAsync(FormFlowDbContext db, string hash, CancellationToken ct) =>
        db.ModuleSnapshots.AsNoTracking().Where(s => s.Hash == hash).Select(s => s.Content).SingleOrDefaultAsync(ct);

    public async Task<LoadedSnapshot> RequireAsync(FormFlowDbContext db, string hash, CancellationToken ct) =>
        await GetAsync(db, hash, ct) ?? throw new InvalidOperationException($"snapshot {hash} is not stored");
}
