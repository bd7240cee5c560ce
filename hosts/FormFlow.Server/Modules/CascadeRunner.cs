using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>
/// Makes the cascade after a publish durable: the publish stores its <see cref="ModuleCascade"/> in the same
/// transaction as the new version, claimed by the publishing request, which then runs it inline (its answer carries
/// the report) and marks it done. When the process dies first, or the run throws, the row stays pending and
/// <see cref="CascadeRecovery"/> runs it again once the claim has lapsed; a run is idempotent
/// (<see cref="UpgradeCascade"/>), so repeating the part done before the crash changes nothing.
/// </summary>
internal sealed class CascadeRunner(IServiceScopeFactory scopes, TimeProvider clock, WorkLease lease, ILogger<CascadeRunner> log)
{
    /// <summary>A claimant for one request or pass (see <see cref="WorkLease"/>).</summary>
    public string NewClaimant() => lease.NewClaimant();

    /// <summary>Publishes the draft and stores its cascade claimed by <paramref name="claimant"/>, in one transaction.</summary>
    public async Task<(ModuleVersion Version, ModuleCascade Cascade)> PublishAsync(FormFlowDbContext db, ModuleRecord module, OrgUnit owner, string by,
        string claimant, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var version = await ModuleLibrary.PublishAsync(db, module, owner, by, now, ct); // resolves and adds, saves nothing
        // the write transaction starts after the resolution, so SQLite's other writers do not wait for it
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var cascade = new ModuleCascade
        {
            ModuleRecordId = module.Id, ModuleVersionId = version.Id, RequestedBy = by, CreatedAt = now, NextAttemptAt = now,
            ClaimedBy = claimant, ClaimedUntil = now + lease.Duration,
        };
        db.ModuleCascades.Add(cascade);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (version, cascade);
    }

    /// <summary>
    /// Runs a cascade that <paramref name="claimant"/> holds, renewing the claim meanwhile, and marks it done; a
    /// resumed one (not its publisher's run) is audited as such. Null when the run failed: the error is logged and
    /// stored, the claim released, and the cascade tried again after a backoff.
    /// </summary>
    public async Task<UpgradeCascade.Report?> RunAsync(FormFlowDbContext db, long id, string claimant, bool resumed, CancellationToken ct)
    {
        await using var heartbeat = ClaimHeartbeat.Start(scopes, clock, claimant, lease.Duration, log);
        var cascade = await db.ModuleCascades.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        try
        {
            var module = (await ModuleLibrary.FindAsync(db, cascade.ModuleRecordId, ct))!;
            var report = await UpgradeCascade.RunAsync(db, module, cascade.RequestedBy, clock.GetUtcNow().UtcDateTime, ct);
            await FinishAsync(db, cascade, claimant, resumed, report, ct);
            return report;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "The automatic upgrades below module {ModuleId} after its publish by {By} failed; they will be retried",
                cascade.ModuleRecordId, cascade.RequestedBy);
            db.ChangeTracker.Clear();
            await PostponeAsync(db, id, claimant, ex.Message, ct);
            return null;
        }
    }

    private async Task FinishAsync(FormFlowDbContext db, ModuleCascade cascade, string claimant, bool resumed, UpgradeCascade.Report report, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        if (!await WorkClaims.FinishAsync<ModuleCascade>(db, cascade.Id, claimant, clock.GetUtcNow().UtcDateTime, ct))
        {
            // Another process took it over after this claim lapsed (the heartbeat could not renew it): its run is the one recorded.
            log.LogWarning("The cascade {CascadeId} below module {ModuleId} was taken over before it was marked done", cascade.Id, cascade.ModuleRecordId);
            return;
        }
        if (resumed)
            AuditLog.Append(db, AuditLog.SystemActor, "module.cascadeResumed", $"module:{cascade.ModuleRecordId}",
                await db.Modules.Where(m => m.Id == cascade.ModuleRecordId).Select(m => (int?)m.OwnerOrgUnitId).SingleOrDefaultAsync(ct), new JsonObject
            {
                ["publishedBy"] = cascade.RequestedBy, ["moduleVersion"] = cascade.ModuleVersionId, ["attempts"] = cascade.Attempts + 1,
                ["upgraded"] = report.Upgraded.Count, ["waiting"] = report.Waiting.Count,
            });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Stores the failure and releases the claim (if still this claimant's) until the backoff has passed.</summary>
    private async Task PostponeAsync(FormFlowDbContext db, long id, string claimant, string error, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var cascade = await db.ModuleCascades.SingleAsync(c => c.Id == id, ct);
        if (cascade.ClaimedBy != claimant || cascade.DoneAt is not null) return;
        cascade.Postpone(error, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
