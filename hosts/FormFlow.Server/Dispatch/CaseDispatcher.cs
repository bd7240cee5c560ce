using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Server.Cases;
using FormFlow.Server.Effects;
using FormFlow.Server.Privacy;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Dispatch;

/// <summary>
/// Runs the due work stored in the database: timers (deadlines, reminders, delays) and pending outbox items.
/// Each pass claims a batch (see <see cref="WorkClaims"/>) and handles every item in its own transaction: a timer
/// resumes its case and is marked fired in the same commit (so it fires once); an effect handler's writes and the
/// item's done mark commit together. A pass renews its claims while it works them (<see cref="ClaimHeartbeat"/>), so
/// the lease is short and work a dead process had claimed is taken over soon after its lease ends; a restart
/// recovers everything unfinished; the done mark is written only while the claim is still this pass's
/// (see <see cref="WorkClaims.FinishTimerAsync"/>), so a slow pass whose lease ran out cannot run an item a second time. Items with no handler for their kind, or whose handler fails, are retried with backoff and fail for good after <see cref="MaxEffectAttempts"/> tries (FailedAt, LastError, an audit entry).
/// </summary>
internal sealed class CaseDispatcher(IServiceScopeFactory scopes, TimeProvider clock, WorkLease lease, ServerMetrics metrics, IConfiguration config, ILogger<CaseDispatcher> log)
    : PollingService(config, log)
{
    private readonly TimeSpan _lease = lease.Duration;
    private const int Batch = 50;

    /// <summary>
    /// Tries before an outbox item fails for good (backing off 1, 2, 4 ... 60 minutes: about three hours): an item no
    /// handler takes, or one its handler keeps refusing, is then shown as failed with its reason instead of being
    /// retried for ever.
    /// </summary>
    public const int MaxEffectAttempts = 8;

    /// <summary>One pass: claims and handles the due timers, then the due outbox items. Returns how many it handled.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var handled = 0;
        var claimant = lease.NewClaimant();
        List<long> timers, outbox;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            timers = await WorkClaims.TimersAsync(db, claimant, now, _lease, Batch, ct);
            outbox = await WorkClaims.OutboxAsync(db, claimant, now, _lease, Batch, ct);
        }
        metrics.Claimed("timer", timers.Count);
        metrics.Claimed("outbox", outbox.Count);
        if (timers.Count + outbox.Count == 0) return 0;
        await using (ClaimHeartbeat.Start(scopes, clock, claimant, _lease, log))
        {
            foreach (var id in timers) handled += await FireTimerAsync(id, claimant, ct) ? 1 : 0;
            foreach (var id in outbox) handled += await RunEffectAsync(id, claimant, ct) ? 1 : 0;
        }
        return handled;
    }

    private async Task<bool> FireTimerAsync(long id, string claimant, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
        var timer = await db.CaseTimers.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (timer is null || timer.FiredAt is not null) return false;
        var c = await db.Cases.SingleAsync(x => x.Id == timer.CaseId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        if (!await WorkClaims.FinishTimerAsync(db, id, claimant, now, ct)) return false;
        timer.FiredAt = now;
        var refused = await scope.ServiceProvider.GetRequiredService<CaseStimuli>().ApplyAsync(c, new ClockAdvanced { By = AuditLog.SystemActor }, AuditLog.SystemActor, ct);
        if (refused is not null) log.LogWarning("Case {CaseId}: timer {Bookmark} found nothing to do: {Reason}", c.Id, timer.BookmarkId, refused);
        else AuditLog.Append(db, AuditLog.SystemActor, "case.timer.fired", $"case:{c.Id}", c.OrgUnitId,
            new JsonObject { ["bookmark"] = timer.BookmarkId, ["dueAt"] = timer.DueAt.ToString("O"), ["status"] = c.Status });
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (LostRace.Is(e))
        {
            // The case moved on meanwhile (a task was completed): the timer stays due and is claimed again after its lease.
            log.LogInformation("Case {CaseId} changed while its timer {Bookmark} fired; it will be retried", c.Id, timer.BookmarkId);
            return false;
        }
    }

    private async Task<bool> RunEffectAsync(long id, string claimant, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
        var entry = await db.Outbox.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (entry is null || entry.DoneAt is not null) return false;
        var now = clock.GetUtcNow();
        var handler = scope.ServiceProvider.GetServices<IEffectHandler>().FirstOrDefault(h => h.Kind == entry.Kind);
        if (handler is null)
        {
            await PostponeAsync(db, entry, $"no effect handler is registered for kind '{entry.Kind}'", now.UtcDateTime, ct);
            if (entry.FailedAt is null)
                log.LogWarning("Outbox item {Key} ({Kind}) of case {CaseId} stays pending: no effect handler is registered for its kind", entry.Key, entry.Kind, entry.CaseId);
            return false;
        }
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == entry.CaseId).Select(x => new { x.ApplicantAccountId, x.OrgUnitId }).SingleAsync(ct);
        // The payload is sealed at rest (Privacy/EffectSealing): plain only for the handler.
        var payload = scope.ServiceProvider.GetRequiredService<PiiProtector>().Open(entry.Payload)!.AsObject();
        var item = new OutboxItem(entry.Key, entry.Kind, entry.ActivityId, new DateTimeOffset(entry.CreatedAt, TimeSpan.Zero), payload);
        try
        {
            await using var transaction = await db.BeginWriteTransactionAsync(ct);
            if (!await WorkClaims.FinishAsync<Persistence.Cases.OutboxEntry>(db, id, claimant, now.UtcDateTime, ct)) return false;
            await handler.HandleAsync(new EffectRequest(db, entry.CaseId, c.ApplicantAccountId, c.OrgUnitId, $"{entry.CaseId}:{entry.Key}", item, now), ct);
            AuditLog.Append(db, AuditLog.SystemActor, "effect.done", $"case:{entry.CaseId}", c.OrgUnitId, new JsonObject { ["kind"] = entry.Kind, ["key"] = entry.Key });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            metrics.OutboxHandled(entry.Kind, now.UtcDateTime - entry.CreatedAt);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Outbox item {Key} ({Kind}) of case {CaseId} failed; it will be retried", entry.Key, entry.Kind, entry.CaseId);
            db.ChangeTracker.Clear();
            var fresh = await db.Outbox.SingleAsync(o => o.Id == id, ct);
            await PostponeAsync(db, fresh, ex.Message, now.UtcDateTime, ct);
            return false;
        }
    }

    /// <summary>Releases the claim and backs off (<see cref="Persistence.Database.ClaimedWork.Postpone"/>).</summary>
    private async Task PostponeAsync(FormFlowDbContext db, Persistence.Cases.OutboxEntry entry, string error, DateTime now, CancellationToken ct)
    {
        entry.Postpone(error, now, MaxEffectAttempts);
        if (entry.FailedAt is not null)
        {
            log.LogError("Outbox item {Key} ({Kind}) of case {CaseId} failed for good after {Attempts} tries: {Error}", entry.Key, entry.Kind, entry.CaseId, entry.Attempts, error);
            AuditLog.Append(db, AuditLog.SystemActor, "effect.failed", $"case:{entry.CaseId}",
                await db.Cases.Where(x => x.Id == entry.CaseId).Select(x => (int?)x.OrgUnitId).SingleOrDefaultAsync(ct),
                new JsonObject { ["kind"] = entry.Kind, ["key"] = entry.Key, ["attempts"] = entry.Attempts, ["reason"] = entry.LastError });
        }
        await db.SaveChangesAsync(ct);
    }
}
