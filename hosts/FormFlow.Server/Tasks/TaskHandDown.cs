using System.Globalization;
using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Cases;
using FormFlow.Server.Notifications;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tasks;

/// <summary>
/// A handler hands an open task down to a unit in the subtree of the org it is at (a district to a street or a
/// grassroots union, a street to a union): the task moves there with a deadline (its role stays: the receiving
/// unit's holders of that role get it in their inbox, other units' do not), its claim is released, the case is
/// handled there from now on (<c>case.org</c>, so that later steps assigned to the handling org go there too), and
/// the case's timeline records who handed it down, why and by when, as a <c>handedDown</c> entry beside the
/// workflow's <c>handedOff</c> ones. The receiving unit's handlers are notified; the change is audited. A unit
/// outside that subtree (another district) is refused, naming the rule.
/// </summary>
internal sealed class TaskHandDown(FormFlowDbContext db, TaskClaims claims, TimeProvider clock)
{
    public const string Event = "handedDown";

    public sealed record Target(int Id, string Name, string Level);

    /// <summary>The units a task may be handed down to: every unit below its org, top-down.</summary>
    public async Task<List<Target>> TargetsAsync(CaseTask task, CancellationToken ct)
    {
        var at = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == task.OrgUnitId, ct);
        var below = await db.OrgUnits.AsNoTracking().Within(at.Path).Where(o => o.Id != at.Id && o.ArchivedAt == null)
            .Select(o => new { o.Id, o.Name, o.Level, o.Path }).ToListAsync(ct);
        return below.OrderBy(o => o.Path, StringComparer.Ordinal).Select(o => new Target(o.Id, o.Name, o.Level.ToString().ToLowerInvariant())).ToList();
    }

    public async Task<Outcome<CaseTask>> HandDownAsync(CaseAccess access, CaseTask task, int? orgUnitId, string? reason, DateOnly? deadline, CancellationToken ct)
    {
        if (await claims.RefusalAsync(access, task, ct) is { } refused) return refused;
        if (orgUnitId is not { } targetId) return FieldProblem.Invalid("orgUnitId", "name the unit to hand the case down to");
        if (string.IsNullOrWhiteSpace(reason)) return FieldProblem.Invalid("reason", "say why the case is handed down: the receiving unit reads it");
        var now = clock.GetUtcNow().UtcDateTime;
        if (deadline is not { } due) return FieldProblem.Invalid("deadline", "set the date by which the receiving unit must handle the case");
        if (due < DateOnly.FromDateTime(now)) return FieldProblem.Invalid("deadline", $"the deadline {due:yyyy-MM-dd} has passed");
        var from = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == task.OrgUnitId, ct);
        var to = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == targetId && o.ArchivedAt == null, ct);
        if (to is null) return FieldProblem.Invalid("orgUnitId", $"org unit {targetId} does not exist");
        if (to.Id == from.Id || !OrgSubtree.Contains(from.Path, to.Path))
            return new FieldProblem(StatusCodes.Status403Forbidden, "Outside the subtree",
                $"a case is handed down only to a unit below the org handling it: {to.Name} is not below {from.Name}", "orgUnitId");

        var c = await db.Cases.SingleAsync(x => x.Id == task.CaseId, ct);
        var instance = WorkflowInstance.FromJson(c.Instance);
        instance.Case["org"] = to.Id.ToString(CultureInfo.InvariantCulture);
        var by = access.Account.UserName ?? access.Account.Id;
        var record = new JsonObject
        {
            ["from"] = from.Id, ["fromName"] = from.Name, ["to"] = to.Id, ["toName"] = to.Name, ["reason"] = reason.Trim(), ["deadline"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["task"] = task.Id,
        };
        instance.Timeline.Add(new TimelineEntry(new DateTimeOffset(now, TimeSpan.Zero), Event, task.ActivityId, by, (JsonObject)record.DeepClone()));
        c.Instance = instance.ToJson();
        c.Version++;
        task.OrgUnitId = to.Id;
        task.DueAt = due.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); // the whole deadline day
        task.ClaimedBy = null;
        task.ClaimedAt = null;
        task.Version++;
        AuditLog.Append(db, by, "task.handedDown", $"task:{task.Id}", from.Id, (JsonObject)record.DeepClone());
        await HandOffEffect.TellHandlersAsync(db, c.Id, from.Id, to.Id, reason.Trim(), $"handDown:{task.Id}:{task.Version}", now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (LostRace.Is(e))
        {
            db.ChangeTracker.Clear();
            return FieldProblem.Conflict("rowVersion", $"task {task.Id} or its case changed meanwhile; reload it and try again");
        }
        return Outcome<CaseTask>.Done(task);
    }
}
