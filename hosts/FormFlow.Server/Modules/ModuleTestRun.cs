using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Snapshots;
using FormFlow.Server.Orgs;

namespace FormFlow.Server.Modules;

/// <summary>
/// Runs a module's draft workflow in memory — nothing is stored, no effect is carried out — so a designer sees
/// which path sample data and chosen outcomes take. The sample data is the case's data: the forms engine checks it
/// as a submission would, and each step that must fill fields finds them there. Every open step is answered in
/// turn: a task with the outcome chosen for its activity (else its first; "escalate" lets its deadline pass) and the
/// fields it must fill, offline handling with the chosen result, a request for information by resubmitting the
/// data, an event by sending it; "timeout" for a request or an event leaves it waiting so that timers fire instead.
/// Timers fire by moving the in-memory clock. At most 200 steps. A required field the data lacks is a 422 naming it
/// (the forms engine's errors, with the step that wanted it) — unless the designer asked for fillMissing: then each
/// gets a sample value valid for its field (<see cref="SampleValues"/>), and the answer lists them under generated.
/// </summary>
internal static class ModuleTestRun
{
    /// <param name="OrgUnitId">The applicant's union; default: the first of the deepest units under the module's owner.</param>
    /// <param name="FillMissing">Generate sample values for required fields the data lacks instead of refusing.</param>
    public sealed record TestRunRequest(JsonObject? Data = null, Dictionary<string, string>? Outcomes = null, int? OrgUnitId = null, bool FillMissing = false);

    private const int MaxSteps = 200;

    internal static void MapTestRun(this RouteGroupBuilder modules) =>
        modules.MapPost("/{id:int}/test-run", RunAsync).ProducesProblem(400).ProducesProblem(404).ProducesProblem(422)
            .WithSummary("Run the draft's workflow in memory with sample data and chosen outcomes ({activityId: outcome}): {visited, status, variables, timeline, waiting, effects, generated}. " +
                         "422 {errors: [{path, rule, message, step}]} when the data lacks a required field or breaks a rule; with fillMissing, missing required fields get generated sample values (listed in generated: [{step, path, value}]).");

    private static Task<IResult> RunAsync(int id, TestRunRequest body, FormFlowDbContext db, OrgDirectory orgs, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var (module, owner) = await ModuleGuards.ReadableAsync(db, await ModuleGuards.AccessAsync(db, http, ct), id, ct);
        var snapshot = await ModuleLibrary.ResolveDraftAsync(db, module, owner, ct);
        var units = await db.OrgUnits.AsNoTracking().Within(owner.Path).ToListAsync(ct);
        var applicant = body.OrgUnitId is { } chosenOrg
            ? units.SingleOrDefault(o => o.Id == chosenOrg) ?? throw ModuleRefusal.Invalid("Unknown org unit", $"orgUnitId {chosenOrg} is not in the subtree of {owner.Name}")
            : units.OrderByDescending(o => o.Path.Length).ThenBy(o => o.Path, StringComparer.Ordinal).First();
        await orgs.EnsureAsync(db, applicant.Id, ct);
        var clock = new ManualClock(new DateTimeOffset(ModuleGuards.Now(http), TimeSpan.Zero));
        var runner = new WorkflowRunner(new WorkflowRunnerOptions { Clock = clock, Orgs = orgs });
        var loaded = new LoadedSnapshot(snapshot.Hash, snapshot.Module);
        var outcomes = body.Outcomes ?? [];
        var orgId = applicant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var samples = new TestRunData(loaded, body.FillMissing, clock, orgId);
        WorkflowInstance instance;
        try
        {
            instance = runner.Start(loaded.Workflow, samples.Submission(body.Data ?? []),
                new JsonObject { ["id"] = "test-run", ["applicantOrg"] = orgId, ["applicantId"] = "test-run" }, "test-run", "test-run");
            for (var step = 0; step < MaxSteps && instance.Status == WorkflowStatus.Waiting; step++)
            {
                if (Next(instance, outcomes, clock, samples) is not { } stimulus) break;
                instance = runner.Resume(loaded.Workflow, instance, stimulus with { By = "test-run" });
            }
        }
        catch (WorkflowStimulusException ex)
        {
            throw ModuleRefusal.Invalid("The test run cannot go on", ex.Message);
        }
        catch (TestRunData.Refused refused)
        {
            return refused.Problem();
        }
        return TypedResults.Ok(new JsonObject
        {
            ["generated"] = samples.GeneratedJson(),
            ["visited"] = new JsonArray(instance.Visited.Select(v => (JsonNode?)v).ToArray()),
            ["status"] = instance.Status.ToString().ToLowerInvariant(),
            ["variables"] = instance.Variables.DeepClone(),
            ["timeline"] = instance.ToJsonNode()["timeline"]!.DeepClone(),
            ["waiting"] = new JsonArray(instance.Bookmarks.Select(b => (JsonNode)new JsonObject { ["activityId"] = b.ActivityId, ["kind"] = b.Kind }).ToArray()),
            ["effects"] = new JsonArray(instance.Outbox.Select(o => (JsonNode)new JsonObject { ["activityId"] = o.ActivityId, ["kind"] = o.Kind }).ToArray()),
            ["incidents"] = new JsonArray(instance.Incidents.Where(i => i.ResolvedAt is null)
                .Select(i => (JsonNode)new JsonObject { ["activityId"] = i.ActivityId, ["message"] = i.Message }).ToArray()),
        });
    });

    /// <summary>The answer to the first open step that wants one, else the clock moved to the earliest due time.</summary>
    private static Stimulus? Next(WorkflowInstance instance, Dictionary<string, string> outcomes, ManualClock clock, TestRunData samples)
    {
        foreach (var bookmark in instance.Bookmarks)
        {
            var chosen = outcomes.GetValueOrDefault(bookmark.ActivityId);
            switch (bookmark.Kind)
            {
                case BookmarkKinds.UserTask when chosen != "escalate":
                    var offered = (bookmark.Payload["outcomes"] as JsonArray ?? []).Select(o => (string?)o).ToList();
                    return new TaskCompleted(bookmark.Id, chosen ?? offered.FirstOrDefault() ?? "done", samples.TaskData(instance, bookmark));
                case BookmarkKinds.OfflineHandling:
                    var results = (bookmark.Payload["results"] as JsonArray ?? []).Select(o => (string?)o).ToList();
                    return new TaskCompleted(bookmark.Id, "done", new JsonObject
                    {
                        ["result"] = chosen ?? results.FirstOrDefault() ?? "done",
                        ["date"] = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd"),
                        ["handler"] = "test-run",
                    });
                case BookmarkKinds.RequestInformation when chosen != "timeout":
                    return new ApplicantResubmitted(samples.Resubmission(instance, bookmark), bookmark.Id);
                case BookmarkKinds.Event when chosen != "timeout":
                    return new EventReceived((string)bookmark.Payload["event"]!, (string?)bookmark.Payload["correlation"], new JsonObject());
            }
        }
        var due = instance.Bookmarks.Select(b => b.DueAt).OfType<DateTimeOffset>().Where(d => d > clock.GetUtcNow()).Order().FirstOrDefault();
        if (due == default) return null; // nothing will ever come: the run stops waiting
        clock.Set(due);
        return new ClockAdvanced();
    }

    internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Set(DateTimeOffset at) => _now = at > _now ? at : _now;
    }
}
