using FormFlow.Persistence;
using FormFlow.Server.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Durability;

/// <summary>
/// The heartbeat that lets claims have a short lease: while a pass lives its claims are renewed and nobody takes
/// them, however long past the first lease; once it stops beating, another pass takes them a lease later, and the
/// first could no longer mark them done.
/// </summary>
public abstract class ClaimHeartbeatTests(CaseServer server)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(1.5);

    private DateTime Now => server.Clock.GetUtcNow().UtcDateTime;

    private async Task<List<long>> ClaimAsync(string claimant)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await WorkClaims.OutboxAsync(scope.ServiceProvider.GetRequiredService<FormFlowDbContext>(), claimant, Now, Lease, 50, CancellationToken.None);
    }

    [Fact]
    public async Task A_beating_pass_keeps_its_claims_past_the_lease_and_a_silent_one_loses_them_a_lease_later()
    {
        // An approved join leaves effects in the outbox (the card, the welcome SMS); the dispatcher is off here.
        var (_, caseId) = await server.ApprovedJoinAsync();
        await using var db = server.OpenDb();
        var effects = await db.Outbox.Where(o => o.CaseId == caseId).Select(o => o.Id).ToListAsync();
        Assert.NotEmpty(effects);

        var held = await ClaimAsync("pass-a");
        Assert.Superset(effects.ToHashSet(), held.ToHashSet());
        var log = server.Services.GetRequiredService<ILogger<CaseDispatcher>>();
        await using (ClaimHeartbeat.Start(server.Services.GetRequiredService<IServiceScopeFactory>(), server.Clock, "pass-a", Lease, log))
        {
            server.Clock.Advance(TimeSpan.FromSeconds(10)); // long past the lease the claims were made with
            await DurableServer.WaitUntilAsync(async () =>
            {
                var rows = await db.Outbox.AsNoTracking().Where(o => effects.Contains(o.Id)).Select(o => new { o.ClaimedBy, o.ClaimedUntil }).ToListAsync();
                return rows.All(o => o.ClaimedBy == "pass-a" && o.ClaimedUntil > Now);
            }, TimeSpan.FromSeconds(20), () => Task.FromResult("the heartbeat did not renew the claims"));
            Assert.DoesNotContain(await ClaimAsync("pass-b"), effects.Contains);
        }

        // pass-a went silent: a lease later its work is pass-b's, and pass-a can no longer mark it done.
        server.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Superset(effects.ToHashSet(), (await ClaimAsync("pass-b")).ToHashSet());
        Assert.DoesNotContain(await ClaimAsync("pass-c"), effects.Contains);
        await using var scope = server.Services.CreateAsyncScope();
        Assert.False(await WorkClaims.FinishAsync<FormFlow.Persistence.Cases.OutboxEntry>(scope.ServiceProvider.GetRequiredService<FormFlowDbContext>(), effects[0], "pass-a", Now, CancellationToken.None));
    }
}

public sealed class SqliteClaimHeartbeatTests(SqliteCaseServer server) : ClaimHeartbeatTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresClaimHeartbeatTests(PostgresCaseServer server) : ClaimHeartbeatTests(server), IClassFixture<PostgresCaseServer>;
