using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Services;
using FormFlow.Server.Training;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>Makes a published module version the live service at an org: the activation route, the upgrade cascade and the demo use it.</summary>
internal static class ServiceActivator
{
    /// <summary>Retires the live activation of the module's key at the org (running cases keep their snapshot) and adds the new one.</summary>
    public static async Task<ServiceActivation> Activate(FormFlowDbContext db, ModuleRecord module, ModuleVersion version, OrgUnit target, string by, DateTime now, CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.BeginWriteTransactionAsync(ct) : null;
        foreach (var live in await db.ServiceActivations.Where(a => a.OrgUnitId == target.Id && a.ModuleKey == module.Key && a.RetiredAt == null).ToListAsync(ct))
            live.RetiredAt = now;
        // the retirement must reach the database before the new row, or the one-live-activation index refuses it
        await db.SaveChangesAsync(ct);
        var activation = new ServiceActivation
        {
            ModuleKey = module.Key, OrgUnitId = target.Id, SnapshotHash = version.SnapshotHash, ActivatedAt = now, ActivatedBy = by,
        };
        db.ServiceActivations.Add(activation);
        AuditLog.Append(db, by, "service.activated", $"org:{target.Id}", target.Id, new JsonObject
        {
            ["module"] = module.Key, ["moduleRecord"] = module.Id, ["version"] = version.Version, ["snapshot"] = version.SnapshotHash,
        });
        await db.SaveChangesAsync(ct);
        // A training or contest module drives the training or contest of this service from its settings.
        var snapshot = await db.ModuleSnapshots.FindAsync([version.SnapshotHash], ct) ?? throw new InvalidOperationException($"snapshot {version.SnapshotHash} of {module.Key} is not stored");
        await TrainingModules.BindAsync(db, module.Key, JsonNode.Parse(snapshot.Content)!.AsObject(), target, by, now, ct);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return activation;
    }
}
