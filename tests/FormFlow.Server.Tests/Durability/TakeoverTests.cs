using FormFlow.Persistence;
using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Durability;

/// <summary>
/// A process killed with SIGKILL while it holds claims on due work: its claims end one short lease (15 s, renewed
/// while it lived) after its last heartbeat, not a minute later, and a second process then takes the work over and
/// runs each step once.
/// </summary>
[Collection(ServerProcess.Collection)]
public abstract class TakeoverTests(DatabaseProvider provider, ITestOutputHelper output)
{
    /// <summary>The lease claims used to have, which a killed process's work waited out before any takeover.</summary>
    private static readonly TimeSpan FormerLease = TimeSpan.FromSeconds(60);

    private sealed record Claimed(string Table, long Id, DateTime ClaimedUntil);

    /// <summary>Timers and outbox items a process (by its ID in the claimant) holds and has not finished.</summary>
    private static async Task<List<Claimed>> HeldByAsync(TestDatabase database, int processId)
    {
        await using var db = FormFlowDatabase.CreateContext(database.Settings);
        var mark = $":{processId}:";
        var timers = await db.CaseTimers.Where(t => t.ClaimedBy!.Contains(mark) && t.FiredAt == null)
            .Select(t => new Claimed("timer", t.Id, t.ClaimedUntil!.Value)).ToListAsync();
        var outbox = await db.Outbox.Where(o => o.ClaimedBy!.Contains(mark) && o.DoneAt == null)
            .Select(o => new Claimed("outbox", o.Id, o.ClaimedUntil!.Value)).ToListAsync();
        return [.. timers, .. outbox];
    }

    /// <summary>When a held row was finished (fired or done), or null while it is not.</summary>
    private static async Task<DateTime?> FinishedAtAsync(FormFlowDbContext db, Claimed row) => row.Table == "timer"
        ? await db.CaseTimers.Where(t => t.Id == row.Id).Select(t => t.FiredAt).SingleAsync()
        : await db.Outbox.Where(o => o.Id == row.Id).Select(o => o.DoneAt).SingleAsync();

    [Fact]
    public async Task Claims_of_a_killed_process_are_taken_over_a_short_lease_later_and_every_step_runs_once()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        DateTime killedAt;
        int firstId;
        await using (var first = await DurableServer.StartAsync(database))
        {
            firstId = first.Id;
            var worker = await DurableServer.ClientAsync(first, "worker");
            var serviceId = await DurableServer.ServiceIdAsync(worker);
            // Steady submissions keep the dispatcher busy with batches; it is killed while it holds a handful of claims.
            var flows = Enumerable.Range(0, 4).Select(i => DurableServer.UntilDeadAsync(async n =>
                await DurableServer.SubmitAsync(worker, serviceId, $"接管 {i}-{n}"))).ToList();
            await DurableServer.WaitUntilAsync(async () => (await HeldByAsync(database, firstId)).Count >= 5,
                TimeSpan.FromSeconds(90), () => Task.FromResult(first.Output));
            killedAt = DateTime.UtcNow;
            await first.KillAsync();
            await Task.WhenAll(flows);
        }

        var orphans = await HeldByAsync(database, firstId);
        Assert.NotEmpty(orphans);
        // The dead process's claims end within one lease of its last heartbeat, so within a lease of the kill.
        Assert.All(orphans, o => Assert.True(o.ClaimedUntil <= killedAt + DurableServer.Lease + TimeSpan.FromSeconds(1),
            $"{o.Table} {o.Id} stays claimed until {o:O}, {(o.ClaimedUntil - killedAt).TotalSeconds:F1} s after the kill"));

        await using var second = await DurableServer.StartAsync(database);
        var startedAt = DateTime.UtcNow;
        var reviewer = await DurableServer.ClientAsync(second, "reviewer");
        await DurableServer.WaitUntilAsync(async () =>
        {
            await using var db = FormFlowDatabase.CreateContext(database.Settings);
            foreach (var row in orphans) if (await FinishedAtAsync(db, row) is null) return false;
            return true;
        }, TimeSpan.FromSeconds(90), () => Task.FromResult(second.Output));

        await using (var db = FormFlowDatabase.CreateContext(database.Settings))
        {
            var finished = new List<DateTime>();
            foreach (var row in orphans)
            {
                var at = (await FinishedAtAsync(db, row))!.Value;
                // Taken over only once the dead process's lease had run out, never under it.
                Assert.True(at >= row.ClaimedUntil, $"{row.Table} {row.Id} finished at {at:O}, before its lease ended at {row.ClaimedUntil:O}");
                finished.Add(at);
            }
            var takeover = finished.Max() - killedAt;
            output.WriteLine($"{orphans.Count} claimed rows of the killed process; all finished {takeover.TotalSeconds:F1} s after the kill " +
                             $"(second process ready {(startedAt - killedAt).TotalSeconds:F1} s after it; lease {DurableServer.Lease.TotalSeconds} s)");
            Assert.True(takeover < FormerLease, $"the takeover took {takeover.TotalSeconds:F1} s");
        }

        // And the whole run still did every step once.
        await DurableServer.ApproveUntilFinishedAsync(database, second, reviewer);
        await using (var db = FormFlowDatabase.CreateContext(database.Settings)) await ExactlyOnce.AssertAsync(db);
    }
}

public sealed class SqliteTakeoverTests(ITestOutputHelper output) : TakeoverTests(DatabaseProvider.Sqlite, output);

public sealed class PostgresTakeoverTests(ITestOutputHelper output) : TakeoverTests(DatabaseProvider.Postgres, output);
