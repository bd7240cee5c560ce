using FormFlow.Engine.Modules.Resolution;
using FormFlow.Persistence;
using FormFlow.Persistence.Modules;

namespace FormFlow.Server.Snapshots;

/// <summary>Writing resolved snapshots: content-addressed, so storing the same resolution twice stores it once.</summary>
internal static class SnapshotStore
{
    /// <summary>Adds the snapshot to the context unless a row with its hash exists; the caller saves.</summary>
    public static async Task<ModuleSnapshot> AddIfMissingAsync(FormFlowDbContext db, Snapshot snapshot, int ownerOrgUnitId, DateTime now, CancellationToken ct)
    {
        var existing = await db.ModuleSnapshots.FindAsync([snapshot.Hash], ct);
        if (existing is not null) return existing;
        var row = new ModuleSnapshot
        {
            Hash = snapshot.Hash,
            ModuleKey = (string)snapshot.Module["id"]!,
            Version = (string)snapshot.Module["version"]!,
            OwnerOrgUnitId = ownerOrgUnitId,
            Content = snapshot.Module.ToJsonString(),
            Provenance = snapshot.Provenance.ToJsonString(),
            CreatedAt = now,
        };
        db.ModuleSnapshots.Add(row);
        return row;
    }
}
