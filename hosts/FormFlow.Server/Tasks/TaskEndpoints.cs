using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Cases;
using FormFlow.Server.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using FormFlow.Server.Files;
using FormFlow.Server.Shared;
using FormFlow.Server.Privacy;

namespace FormFlow.Server.Tasks;

/// <summary>The handler's inbox and completing a task, with optimistic concurrency: of two completions exactly one wins.</summary>
internal static class TaskEndpoints
{
    public sealed record CompleteRequest(string Outcome, JsonObject? Data = null, string? Comment = null, long? RowVersion = null);

    public sealed record ReassignRequest(string AccountId);

    public sealed record HandDownRequest(int? OrgUnitId, string? Reason, DateOnly? Deadline);

    public static void MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization().ProducesProblem(401);
        tasks.MapGet("/", InboxAsync).ProducesProblem(400)
            .WithSummary("My inbox: open tasks whose role I hold at the task's org or above it (or that a colleague I stand in for holds), newest first; " +
                         $"{InboxQuery.Describe}; {IdPage.Describe}. Answers {{items, next}}; each item names who claimed it.");
        tasks.MapGet("/{id:long}", GetAsync).ProducesProblem(404)
            .WithSummary("One task with its outcomes, the step's field permissions, the form and the case as the step may see it.");
        tasks.MapPost("/{id:long}/complete", CompleteAsync)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Complete a task with one of its outcomes; data goes through the forms engine with the step's field permissions. " +
                         "409 when it was completed already (naming by whom), is claimed by someone else (naming them) or rowVersion is stale; 422 for field errors or an unknown outcome.");
        tasks.MapPost("/{id:long}/claim", (long id, FormFlowDbContext db, TaskClaims claims, TaskReader reader, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ChangeClaimAsync(id, db, reader, clock, http, (access, task) => claims.ClaimAsync(access, task, ct), ct))
            .ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Claim a task: from now only I (or my delegate during an absence) handle it. Of two claims at once exactly one wins; the other is 409 naming the holder.");
        tasks.MapPost("/{id:long}/release", (long id, FormFlowDbContext db, TaskClaims claims, TaskReader reader, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ChangeClaimAsync(id, db, reader, clock, http, (access, task) => claims.ReleaseAsync(access, task, ct), ct))
            .ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Release a task I hold, so anyone holding its role may take it; 409 naming the holder when someone else holds it.");
        tasks.MapPost("/{id:long}/reassign", (long id, ReassignRequest body, FormFlowDbContext db, TaskClaims claims, TaskReader reader, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ChangeClaimAsync(id, db, reader, clock, http, (access, task) => claims.ReassignAsync(access, task, body.AccountId ?? "", ct), ct))
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Hand a task to a colleague: it becomes claimed by them. Only to an account holding the step's role at the task's org or above (else 422 naming accountId); " +
                         "409 when someone else holds it.");
        tasks.MapGet("/{id:long}/hand-down", (long id, FormFlowDbContext db, TaskHandDown handDown, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                WithTaskAsync(id, db, clock, http, async (_, task) => TypedResults.Ok(await handDown.TargetsAsync(task, ct)), ct))
            .ProducesProblem(404)
            .WithSummary("The units this task may be handed down to: every unit below the org it is at, top-down, as [{id, name, level}].");
        tasks.MapPost("/{id:long}/hand-down", (long id, HandDownRequest body, FormFlowDbContext db, TaskHandDown handDown, TaskReader reader, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ChangeClaimAsync(id, db, reader, clock, http, (access, task) => handDown.HandDownAsync(access, task, body.OrgUnitId, body.Reason, body.Deadline, ct), ct))
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Hand the task down to a unit below the org it is at (orgUnitId), with a reason and a deadline (a date): it moves there, unclaimed, due that day; " +
                         "the case is handled there from now on and its timeline records a handedDown entry (who, why, by when). 403 naming the rule for a unit outside that subtree; " +
                         "422 naming orgUnitId, reason or deadline; 409 when completed or claimed by someone else.");
        tasks.MapGet("/{id:long}/assignees", AssigneesAsync).ProducesProblem(400).ProducesProblem(404)
            .WithSummary("The accounts a task may be reassigned to (holders of its step's role at its org or above), by account name; q narrows by name, ?limit=&cursor= pages.");
    }

    private static async Task<Results<Ok<TaskPage>, ProblemHttpResult>> InboxAsync(int? serviceId, string? step, string? claim, bool? overdue, int? limit, string? cursor,
        FormFlowDbContext db, TaskReader reader, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!IdPage.TryRead(limit, cursor, out var page, out var problem)) return problem!;
        if (!InboxQuery.TryRead(serviceId, step, claim, overdue, out var query, out problem)) return problem!;
        var now = clock.GetUtcNow().UtcDateTime;
        var access = await CaseAccess.ForAsync(db, account, now, ct);
        var (items, next) = await query.PageAsync(db, access, page, now, ct);
        return TypedResults.Ok(new TaskPage(await reader.ViewsAsync(items, ct), next));
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> ChangeClaimAsync(long id, FormFlowDbContext db, TaskReader reader, TimeProvider clock, HttpContext http,
        Func<CaseAccess, CaseTask, Task<Outcome<CaseTask>>> change, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var access = await CaseAccess.ForAsync(db, account, clock.GetUtcNow().UtcDateTime, ct);
        var task = await db.CaseTasks.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !access.CanWork(task)) return CaseProblems.TaskNotFound(id);
        var outcome = await change(access, task);
        if (outcome.Problem is { } refused) return refused.ToResult();
        return TypedResults.Ok((await reader.ViewsAsync([outcome.Value!], ct))[0]);
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> WithTaskAsync<T>(long id, FormFlowDbContext db, TimeProvider clock, HttpContext http,
        Func<CaseAccess, CaseTask, Task<Ok<T>>> read, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var access = await CaseAccess.ForAsync(db, account, clock.GetUtcNow().UtcDateTime, ct);
        var task = await db.CaseTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !access.CanWork(task)) return CaseProblems.TaskNotFound(id);
        return await read(access, task);
    }

    private static async Task<Results<Ok<PersonPage>, ProblemHttpResult>> AssigneesAsync(long id, string? q, int? limit, string? cursor,
        FormFlowDbContext db, TaskClaims claims, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var access = await CaseAccess.ForAsync(db, account, clock.GetUtcNow().UtcDateTime, ct);
        var task = await db.CaseTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !access.CanWork(task)) return CaseProblems.TaskNotFound(id);
        var path = await db.OrgUnits.AsNoTracking().Where(o => o.Id == task.OrgUnitId).Select(o => o.Path).SingleAsync(ct);
        var holders = claims.Holders(task, path);
        return await PersonPage.ReadAsync(db.Users.Where(a => holders.Contains(a.Id)), q, limit, cursor, ct);
    }

    private static async Task<Results<Ok<TaskDetailView>, ProblemHttpResult>> GetAsync(long id, FormFlowDbContext db, TaskReader reader, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var access = await CaseAccess.ForAsync(db, account, clock.GetUtcNow().UtcDateTime, ct);
        var task = await db.CaseTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !access.CanWork(task)) return CaseProblems.TaskNotFound(id);
        var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == task.CaseId, ct);
        return TypedResults.Ok(await reader.DetailAsync(task, c, ct));
    }

    private static async Task<Results<Ok<TaskCompletionView>, ProblemHttpResult>> CompleteAsync(long id, CompleteRequest body,
        FormFlowDbContext db, SnapshotCatalog snapshots, CaseStimuli stimuli, TaskReader tasks, CaseReader cases, TimeProvider clock,
        PiiProtector pii, ServerMetrics metrics, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var access = await CaseAccess.ForAsync(db, account, clock.GetUtcNow().UtcDateTime, ct);
        var task = await db.CaseTasks.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !access.CanWork(task))
            return task is not null && await access.FindCaseAsync(db, task.CaseId, ct) is not null
                ? CaseProblems.Forbidden($"task {id} is for the role '{task.Role}', which you do not hold at its org")
                : CaseProblems.TaskNotFound(id);
        if (task.CompletedAt is not null) return AlreadyCompleted(task);
        if (!access.MayHandle(task))
        {
            var holder = await db.Users.AsNoTracking().Where(a => a.Id == task.ClaimedBy).Select(a => a.DisplayName).SingleOrDefaultAsync(ct);
            return CaseProblems.Conflict("The task is claimed", $"task {id} is claimed by {holder ?? task.ClaimedBy}; only they (or their delegate) may complete it");
        }
        if (body.RowVersion is { } version && version != task.Version)
            return CaseProblems.Conflict("The task changed meanwhile", $"task {id} is at rowVersion {task.Version}, not {version}: reload it");
        var outcomes = JsonNode.Parse(task.Outcomes)!.AsArray().Select(o => (string)o!).ToList();
        if (!outcomes.Contains(body.Outcome))
            return CaseProblems.Invalid([new FormError("/outcome", "enum", $"'{body.Outcome}' is not an outcome of this task; allowed: {string.Join(", ", outcomes)}")],
                "Unknown outcome");

        var c = await db.Cases.SingleAsync(x => x.Id == task.CaseId, ct);
        var snapshot = await snapshots.RequireAsync(db, c.SnapshotHash, ct);
        var form = snapshot.FormFor(task.FormId);
        var caseData = JsonNode.Parse(c.Data)!.AsObject();
        var prepared = TaskCompletion.Prepare(task, form, caseData, body.Data, body.Comment);
        if (prepared.Errors.Count > 0) return CaseProblems.Invalid(prepared.Errors);
        var fileErrors = await FileReferences.ResolveAsync(db, pii, account.Id, form.Definition, prepared.StimulusData!, caseData, ct);
        if (fileErrors.Count > 0) return CaseProblems.Invalid(fileErrors);

        var now = clock.GetUtcNow().UtcDateTime;
        task.CompletedAt = now;
        task.CompletedBy = account.UserName;
        task.Outcome = body.Outcome;
        task.Version++;
        if (await stimuli.ApplyAsync(c, new TaskCompleted(task.BookmarkId, body.Outcome, prepared.StimulusData) { By = account.UserName }, account.UserName!, ct) is { } refused)
        {
            // Read after another handler committed the completion: the case no longer waits at this step.
            if (await db.CaseTasks.AsNoTracking().SingleAsync(t => t.Id == id, ct) is { CompletedAt: not null } winner) return AlreadyCompleted(winner);
            return CaseProblems.Invalid([new FormError("", "workflow", refused)], "The workflow refused the completion");
        }
        var details = new JsonObject { ["case"] = c.Number, ["activity"] = task.ActivityId, ["outcome"] = body.Outcome, ["caseStatus"] = c.Status };
        if (task.ClaimedBy is { } holderId && holderId != account.Id) details["onBehalfOf"] = holderId;
        AuditLog.Append(db, account.UserName!, "task.completed", $"task:{task.Id}", task.OrgUnitId, details);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (LostRace.Is(e))
        {
            db.ChangeTracker.Clear();
            var winner = await db.CaseTasks.AsNoTracking().SingleAsync(t => t.Id == id, ct);
            return winner.CompletedAt is not null
                ? AlreadyCompleted(winner)
                : CaseProblems.Conflict("The case changed meanwhile", $"case {c.Number} moved on while task {id} was being completed; reload it and try again");
        }
        metrics.TaskCompleted(c.ModuleKey);
        return TypedResults.Ok(new TaskCompletionView((await tasks.ViewsAsync([task], ct))[0], await cases.ViewForAsync(c, access, ct)));
    }

    private static ProblemHttpResult AlreadyCompleted(CaseTask task) => CaseProblems.Conflict("The task was already completed",
        $"task {task.Id} was completed by {task.CompletedBy} at {task.CompletedAt:yyyy-MM-ddTHH:mm:ssZ} with outcome '{task.Outcome}'");
}
