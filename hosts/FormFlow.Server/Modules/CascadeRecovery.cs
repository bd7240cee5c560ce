using FormFlow.Persistence;
using FormFlow.Server.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>
/// The background pass that finishes cascades their publisher did not: the process died after the version was
/// committed, or the run threw. It claims one pending cascade at a time whose claim has lapsed (<see cref="WorkClaims"/>:
/// on PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>, so two servers never run one cascade at once) and runs it in the
/// publisher's name (<see cref="CascadeRunner"/>). A loop of its own, beside the <see cref="CaseDispatcher"/>, so a long
/// or failing cascade never holds up the cases' timers and outbox.
/// </summary>
internal sealed class CascadeRecovery(IServiceScopeFactory scopes, TimeProvider clock, WorkLease lease, CascadeRunner runner, IConfiguration config,
    ILogger<CascadeRecovery> log) : PollingService(config, log)
{
    /// <summary>Runs pending cascades until none is due; returns how many it finished.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var finished = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            // Mostly there is none: a read first spares SQLite's write gate a claim transaction every poll.
            if (!await db.ModuleCascades.AnyAsync(c => c.DoneAt == null && c.NextAttemptAt <= now && (c.ClaimedUntil == null || c.ClaimedUntil < now), ct))
                return finished;
            var claimant = lease.NewClaimant();
            var claimed = await WorkClaims.CascadesAsync(db, claimant, now, lease.Duration, 1, ct);
            if (claimed.Count == 0) return finished;
            if (await runner.RunAsync(db, claimed[0], claimant, resumed: true, ct) is not null) finished++;
        }
    }
}
