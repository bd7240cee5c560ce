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

    public static void MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization().ProducesProblem(401);
        tasks.MapGet("/", InboxAsync)
            .WithSummary("My inbox: open tasks whose role I hold at the task's org or above it; overdue first, then by due date.");
        tasks.MapGet("/{id:long}", GetAsync).ProducesProblem(404)
            .WithSummary("One task with its outcomes, the step's field permissions, the form and the case as the step may see it.");
        tasks.MapPost("/{id:long}/complete", CompleteAsync)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Complete a task with one of its outcomes; data goes through the forms engine with the step's field permissions. " +
                         "409 when it was completed already (naming by whom) or rowVersion is stale; 422 for field errors or an unknown outcome.");
    }

    private static async Task<Results<Ok<List<TaskView>>, ProblemHttpResult>> InboxAsync(FormFlowDbContext db, TaskReader reader, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var access = await CaseAccess.ForAsync(db, account, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var inbox = (await access.InboxAsync(db, ct))
            .OrderByDescending(t => t.DueAt <= now).ThenBy(t => t.DueAt ?? DateTime.MaxValue).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).ToList();
        return TypedResults.Ok(await reader.ViewsAsync(inbox, ct));
    }

    private static async Task<Results<Ok<TaskDetailView>, ProblemHttpResult>> GetAsync(long id, FormFlowDbContext db, TaskReader reader, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var access = await CaseAccess.ForAsync(db, account, ct);
        var task = await db.CaseTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !access.CanWork(task)) return CaseProblems.TaskNotFound(id);
        var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == task.CaseId, ct);
        return TypedResults.Ok(await reader.DetailAsync(task, c, ct));
    }

    private static async Task<Results<Ok<TaskCompletionView>, ProblemHttpResult>> CompleteAsync(long id, CompleteRequest body,
        FormFlowDbContext db, SnapshotCatalog snapshots, CaseStimuli stimuli, TaskReader tasks, CaseReader cases, TimeProvider clock,
        PiiProtector pii, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var access = await CaseAccess.ForAsync(db, account, ct);
        var task = await db.CaseTasks.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !access.CanWork(task))
            return task is not null && await access.FindCaseAsync(db, task.CaseId, ct) is not null
                ? CaseProblems.Forbidden($"task {id} is for the role '{task.Role}', which you do not hold at its org")
                : CaseProblems.TaskNotFound(id);
        if (task.CompletedAt is not null) return AlreadyCompleted(task);
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
        AuditLog.Append(db, account.UserName!, "task.completed", $"task:{task.Id}",
            new JsonObject { ["case"] = c.Number, ["activity"] = task.ActivityId, ["outcome"] = body.Outcome, ["caseStatus"] = c.Status });
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
        return TypedResults.Ok(new TaskCompletionView((await tasks.ViewsAsync([task], ct))[0], await cases.ViewForAsync(c, access, ct)));
    }

    private static ProblemHttpResult AlreadyCompleted(CaseTask task) => CaseProblems.Conflict("The task was already completed",
        $"task {task.Id} was completed by {task.CompletedBy} at {task.CompletedAt:yyyy-MM-ddTHH:mm:ssZ} with outcome '{task.Outcome}'");
}
