using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Server.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>
/// Settles contests by themselves when their window ends: each pass finds the closed contests not yet settled and
/// settles them (<see cref="ContestSettlement"/>) in the system's name. The state is the contest row's
/// <c>SettledAt</c>, so a restart simply picks up what is left. Several servers may settle one contest at once: the
/// settlement is one transaction whose places' points and feed item carry unique keys, so the one that commits
/// second fails whole and finds it settled on its next pass — points and the feed item happen exactly once.
/// </summary>
internal sealed class ContestCloser(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<ContestCloser> log)
    : PollingService(config, log)
{
    private const int Batch = 10;

    /// <summary>Settles the contests that have closed and are not settled yet; returns how many it settled.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Contests.AsNoTracking().Where(c => c.SettledAt == null && c.ClosesAt <= now)
            .Join(db.OrgUnits, c => c.OrgUnitId, o => o.Id, (c, o) => new { c, o }).OrderBy(x => x.c.ClosesAt).Take(Batch).ToListAsync(ct);
        var settled = 0;
        foreach (var contest in due)
        {
            await using var own = scopes.CreateAsyncScope();
            var settlement = own.ServiceProvider.GetRequiredService<ContestSettlement>();
            try
            {
                await settlement.SettleAsync(contest.c, contest.o, "", AuditLog.SystemActor, ct);
                settled++;
            }
            catch (DbUpdateException ex)
            {
                log.LogInformation(ex, "Contest {Contest} was settled by another server meanwhile", contest.c.Id);
            }
        }
        return settled;
    }
}
