using System.Collections.Concurrent;
using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Durability;

/// <summary>
/// A server process is killed with SIGKILL while cases are being submitted, timers fire, effects run and a reviewer
/// approves; a new process on the same database finishes the work. Every acknowledged (201) submission is there and
/// moves on, no step ran twice, and a timer that came due while no server ran fires once after the restart.
/// </summary>
[Collection(ServerProcess.Collection)]
public abstract class CrashTests(DatabaseProvider provider)
{
    private const int Burst = 150;

    [Fact]
    public async Task A_killed_server_loses_no_acknowledged_case_and_runs_no_step_twice_after_restart()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var acknowledged = new ConcurrentBag<long>();
        DateTime killedAt, restarting;
        await using (var first = await DurableServer.StartAsync(database))
        {
            var worker = await DurableServer.ClientAsync(first, "worker");
            var reviewer = await DurableServer.ClientAsync(first, "reviewer");
            var serviceId = await DurableServer.ServiceIdAsync(worker);
            // Submitters and an approver run until the process dies under them (their next request fails). After the
            // first burst the submitters slow to a trickle, so the work left for the restart stays bounded on a slow
            // machine while submissions still arrive right up to the kill.
            var submitted = 0;
            var flows = Enumerable.Range(0, 6).Select(i => DurableServer.UntilDeadAsync(async n =>
            {
                if (Interlocked.Increment(ref submitted) > Burst) await Task.Delay(TimeSpan.FromSeconds(2));
                if (await DurableServer.SubmitAsync(worker, serviceId, $"提交 {i}-{n}") is { } id) acknowledged.Add(id);
            })).Append(DurableServer.UntilDeadAsync(async _ => await DurableServer.ApproveInboxAsync(reviewer))).ToList();

            // Kill once every stage has happened at least a few times: timers fired, tasks approved, effects done.
            await DurableServer.WaitUntilAsync(async () =>
            {
                await using var db = FormFlowDatabase.CreateContext(database.Settings);
                return await db.Notifications.CountAsync(n => n.Template == "approved") >= 3;
            }, TimeSpan.FromSeconds(90), () => Task.FromResult(first.Output));
            killedAt = DateTime.UtcNow;
            await first.KillAsync();
            await Task.WhenAll(flows);
        }
        Assert.True(acknowledged.Count >= 10, $"only {acknowledged.Count} submissions were acknowledged before the kill");

        // The last submissions' timers come due while no server runs.
        await Task.Delay(DurableServer.Delay);
        restarting = DateTime.UtcNow;
        await using var second = await DurableServer.StartAsync(database);
        var reviewerAgain = await DurableServer.ClientAsync(second, "reviewer");
        await DurableServer.ApproveUntilFinishedAsync(database, second, reviewerAgain);

        await using (var db = FormFlowDatabase.CreateContext(database.Settings))
        {
            var stored = await db.Cases.Select(c => c.Id).ToListAsync();
            Assert.Empty(acknowledged.Except(stored));
            await ExactlyOnce.AssertAsync(db);
            var timers = await db.CaseTimers.AsNoTracking().ToListAsync();
            Assert.Contains(timers, t => t.DueAt > killedAt && t.DueAt < restarting && t.FiredAt > restarting);
        }
    }
}

public sealed class SqliteCrashTests() : CrashTests(DatabaseProvider.Sqlite);

public sealed class PostgresCrashTests() : CrashTests(DatabaseProvider.Postgres);
