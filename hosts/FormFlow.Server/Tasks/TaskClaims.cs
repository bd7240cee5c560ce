using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Cases;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tasks;

/// <summary>
/// Who holds a task: claiming it (then only the claimer, or whoever stands in for them during an absence, handles
/// it), releasing it, and handing it to a colleague who holds the step's role at the task's org or above. Every
/// change bumps the task's concurrency token, so of two claims at once exactly one is stored; the other is a 409
/// naming the holder. Every change is audited.
/// </summary>
internal sealed class TaskClaims(FormFlowDbContext db, TimeProvider clock)
{
    public async Task<Outcome<CaseTask>> ClaimAsync(CaseAccess access, CaseTask task, CancellationToken ct)
    {
        if (task.CompletedAt is not null) return Completed(task);
        if (task.ClaimedBy == access.Account.Id) return Outcome<CaseTask>.Done(task);
        if (task.ClaimedBy is not null) return await HeldAsync(task, ct);
        return await SaveAsync(access, task, access.Account.Id, "task.claimed", new JsonObject(), ct);
    }

    public async Task<Outcome<CaseTask>> ReleaseAsync(CaseAccess access, CaseTask task, CancellationToken ct)
    {
        if (task.CompletedAt is not null) return Completed(task);
        if (task.ClaimedBy is null) return Outcome<CaseTask>.Done(task);
        if (!access.MayHandle(task)) return await HeldAsync(task, ct);
        return await SaveAsync(access, task, null, "task.released", new JsonObject { ["heldBy"] = task.ClaimedBy }, ct);
    }

    public async Task<Outcome<CaseTask>> ReassignAsync(CaseAccess access, CaseTask task, string accountId, CancellationToken ct)
    {
        if (task.CompletedAt is not null) return Completed(task);
        if (!access.MayHandle(task)) return await HeldAsync(task, ct);
        if (!await HoldsStepRoleAsync(task, accountId, ct))
        {
            var org = await db.OrgUnits.AsNoTracking().Where(o => o.Id == task.OrgUnitId).Select(o => o.Name).SingleAsync(ct);
            return FieldProblem.Invalid("accountId",
                $"a task is reassigned only to an account holding its step's role '{task.Role}' at {org} or above; account '{accountId}' does not");
        }
        return await SaveAsync(access, task, accountId, "task.reassigned", new JsonObject { ["from"] = task.ClaimedBy }, ct);
    }

    /// <summary>The accounts that may work the task: holders of its role at its org or an org above it.</summary>
    public IQueryable<string> Holders(CaseTask task, string orgPath)
    {
        var chain = OrgSubtree.Chain(orgPath);
        return db.RoleAssignments.Where(r => r.Role == task.Role && chain.Contains(r.OrgUnitId)).Select(r => r.AccountId).Distinct();
    }

    private async Task<bool> HoldsStepRoleAsync(CaseTask task, string accountId, CancellationToken ct)
    {
        var path = await db.OrgUnits.AsNoTracking().Where(o => o.Id == task.OrgUnitId).Select(o => o.Path).SingleAsync(ct);
        return await Holders(task, path).AnyAsync(id => id == accountId, ct);
    }

    private async Task<Outcome<CaseTask>> SaveAsync(CaseAccess access, CaseTask task, string? holder, string action, JsonObject details, CancellationToken ct)
    {
        // A delegate acting on a task its absent colleague holds is named as such in the log.
        if (task.ClaimedBy is { } previous && previous != access.Account.Id && access.ActsFor.Contains(previous)) details["onBehalfOf"] = previous;
        task.ClaimedBy = holder;
        task.ClaimedAt = holder is null ? null : clock.GetUtcNow().UtcDateTime;
        task.Version++;
        details["case"] = task.CaseId;
        details["to"] = holder;
        AuditLog.Append(db, access.Account.UserName ?? access.Account.Id, action, $"task:{task.Id}", task.OrgUnitId, details);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (LostRace.Is(e))
        {
            db.ChangeTracker.Clear();
            var now = await db.CaseTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, ct);
            return now.CompletedAt is not null ? Completed(now)
                : now.ClaimedBy is not null ? await HeldAsync(now, ct)
                : FieldProblem.Conflict("rowVersion", $"task {task.Id} changed meanwhile; reload it and try again");
        }
        return Outcome<CaseTask>.Done(task);
    }

    /// <summary>Why the caller may not act on the task now (completed, or claimed by someone they do not stand in for); null when they may.</summary>
    public async Task<FieldProblem?> RefusalAsync(CaseAccess access, CaseTask task, CancellationToken ct) =>
        task.CompletedAt is not null ? Completed(task) : !access.MayHandle(task) ? await HeldAsync(task, ct) : null;

    private async Task<FieldProblem> HeldAsync(CaseTask task, CancellationToken ct)
    {
        var name = await db.Users.AsNoTracking().Where(a => a.Id == task.ClaimedBy).Select(a => a.DisplayName).SingleOrDefaultAsync(ct);
        return FieldProblem.Conflict("claimedBy", $"task {task.Id} is claimed by {name ?? task.ClaimedBy}; only they (or their delegate) may handle it");
    }

    private static FieldProblem Completed(CaseTask task) =>
        FieldProblem.Conflict("completedAt", $"task {task.Id} was completed by {task.CompletedBy} with outcome '{task.Outcome}'");
}
