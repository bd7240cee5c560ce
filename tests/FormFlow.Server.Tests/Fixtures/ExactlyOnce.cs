using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// What the database shows after cases of the durable module ran to the end: each step of each case happened once —
/// one review task, one timer fired once, three notify items each carried out once (one notification, one
/// "effect.done"), and no activity twice on the instance's timeline.
/// </summary>
public static class ExactlyOnce
{
    public static readonly string[] Notices = ["received", "waited", "approved"];

    /// <summary>Cases of the durable module not yet finished with every effect done, for waiting and for messages.</summary>
    public static async Task<int> UnfinishedAsync(FormFlowDbContext db) =>
        await db.Cases.CountAsync(c => c.ModuleKey == DurableServer.ModuleKey && c.Status != CaseStatuses.Finished)
        + await db.Outbox.CountAsync(o => o.DoneAt == null)
        + await db.CaseTimers.CountAsync(t => t.FiredAt == null);

    public static async Task AssertAsync(FormFlowDbContext db)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => c.ModuleKey == DurableServer.ModuleKey).ToListAsync();
        var tasks = (await db.CaseTasks.AsNoTracking().ToListAsync()).ToLookup(t => t.CaseId);
        var timers = (await db.CaseTimers.AsNoTracking().ToListAsync()).ToLookup(t => t.CaseId);
        var outbox = (await db.Outbox.AsNoTracking().ToListAsync()).ToLookup(o => o.CaseId);
        var notifications = (await db.Notifications.AsNoTracking().ToListAsync()).ToLookup(n => n.EffectKey);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "effect.done" || a.Action == "case.timer.fired" || a.Action == "case.submitted")
            .Select(a => new { a.Action, a.Target, a.Details }).ToListAsync();
        var effectsDone = audit.Where(a => a.Action == "effect.done").ToLookup(a => $"{a.Target}|{JsonNode.Parse(a.Details)!["key"]}");
        var fired = audit.Where(a => a.Action == "case.timer.fired").ToLookup(a => a.Target);
        var submitted = audit.Where(a => a.Action == "case.submitted").ToLookup(a => a.Target);

        foreach (var c in cases)
        {
            var at = $"case {c.Id}";
            Assert.True(c.Status == CaseStatuses.Finished, $"{at} is {c.Status}");
            Assert.Single(submitted[$"case:{c.Id}"]);
            var task = Assert.Single(tasks[c.Id]);
            Assert.Equal(("review", "approve"), (task.ActivityId, task.Outcome));
            var timer = Assert.Single(timers[c.Id]);
            Assert.NotNull(timer.FiredAt);
            Assert.True(fired[$"case:{c.Id}"].Count() == 1, $"{at}: its timer fired {fired[$"case:{c.Id}"].Count()} times");

            var items = outbox[c.Id].ToList();
            Assert.Equal(Notices, items.OrderBy(o => o.Id).Select(o => o.ActivityId));
            foreach (var item in items)
            {
                Assert.True(item.DoneAt is not null, $"{at}: {item.Key} not done ({item.LastError})");
                Assert.True(notifications[$"{c.Id}:{item.Key}"].Count() == 1, $"{at}: {item.Key} notified {notifications[$"{c.Id}:{item.Key}"].Count()} times");
                var done = effectsDone[$"case:{c.Id}|{item.Key}"].Count();
                Assert.True(done == 1, $"{at}: {item.Key} carried out {done} times");
            }

            // The workflow is a straight line: nothing happens twice at one activity (its task created, completed).
            var timeline = WorkflowInstance.FromJson(c.Instance).Timeline.Where(e => e.ActivityId is not null).ToList();
            var repeated = timeline.GroupBy(e => (e.Event, e.ActivityId)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Event} {g.Key.ActivityId} ×{g.Count()}").ToList();
            Assert.True(repeated.Count == 0, $"{at}: steps ran twice: {string.Join(", ", repeated)}");
        }
    }
}
