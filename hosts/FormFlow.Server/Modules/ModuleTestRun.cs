using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Cases;

namespace FormFlow.Server.Modules;

/// <summary>
/// Runs a module's draft workflow in memory — nothing is stored, no effect is carried out — so a designer sees
/// which path sample data and chosen outcomes take. Every open step is answered in turn: a task with the outcome
/// chosen for its activity (else its first; "escalate" lets its deadline pass), offline handling with the chosen
/// result, a request for information by resubmitting the data (requested fields still empty get "test"), an event
/// by sending it; "timeout" for a request or an event leaves it waiting so that timers fire instead. Timers fire by
/// moving the in-memory clock. At most 200 steps.
/// </summary>
public static class ModuleTestRun
{
    /// <param name="OrgUnitId">The applicant's union; default: the first of the deepest units under the module's owner.</param>
    public sealed record TestRunRequest(JsonObject? Data = null, Dictionary<string, string>? Outcomes = null, int? OrgUnitId = null);

    private const int MaxSteps = 200;

    internal static void MapTestRun(this RouteGroupBuilder modules) =>
        modules.MapPost("/{id:int}/test-run", RunAsync).ProducesProblem(400).ProducesProblem(404).ProducesProblem(422)
            .WithSummary("Run the draft's workflow in memory with sample data and chosen outcomes ({activityId: outcome}): {visited, status, variables, timeline, waiting, effects}.");

    private static Task<IResult> RunAsync(int id, TestRunRequest body, FormFlowDbContext db, OrgDirectory orgs, HttpContext http, CancellationToken ct) => ModuleEndpoints.Guard(async () =>
    {
        var (module, owner) = await ModuleEndpoints.ReadableAsync(db, await ModuleEndpoints.AccessAsync(db, http, ct), id, ct);
        var snapshot = await ModuleLibrary.ResolveDraftAsync(db, module, owner, ct);
        var units = await db.OrgUnits.AsNoTracking().Within(owner.Path).ToListAsync(ct);
        var applicant = body.OrgUnitId is { } chosenOrg
            ? units.SingleOrDefault(o => o.Id == chosenOrg) ?? throw ModuleRefusal.Invalid("Unknown org unit", $"orgUnitId {chosenOrg} is not in the subtree of {owner.Name}")
            : units.OrderByDescending(o => o.Path.Length).ThenBy(o => o.Path, StringComparer.Ordinal).First();
        await orgs.EnsureAsync(db, applicant.Id, ct);
        var clock = new ManualClock(new DateTimeOffset(ModuleEndpoints.Now(http), TimeSpan.Zero));
        var runner = new WorkflowRunner(new WorkflowRunnerOptions { Clock = clock, Orgs = orgs });
        var definition = WorkflowDefinitionLoader.FromNode(snapshot.Module["workflow"]);
        var outcomes = body.Outcomes ?? [];
        var orgId = applicant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var instance = runner.Start(definition, body.Data ?? [], new JsonObject { ["id"] = "test-run", ["applicantOrg"] = orgId, ["applicantId"] = "test-run" }, "test-run", "test-run");
        try
        {
            for (var step = 0; step < MaxSteps && instance.Status == WorkflowStatus.Waiting; step++)
            {
                if (Next(instance, outcomes, clock) is not { } stimulus) break;
                instance = runner.Resume(definition, instance, stimulus with { By = "test-run" });
            }
        }
        catch (WorkflowStimulusException ex)
        {
            throw ModuleRefusal.Invalid("The test run cannot go on", ex.Message);
        }
        return TypedResults.Ok(new JsonObject
        {
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
    private static Stimulus? Next(WorkflowInstance instance, Dictionary<string, string> outcomes, ManualClock clock)
    {
        foreach (var bookmark in instance.Bookmarks)
        {
            var chosen = outcomes.GetValueOrDefault(bookmark.ActivityId);
            switch (bookmark.Kind)
            {
                case BookmarkKinds.UserTask when chosen != "escalate":
                    var offered = (bookmark.Payload["outcomes"] as JsonArray ?? []).Select(o => (string?)o).ToList();
                    return new TaskCompleted(bookmark.Id, chosen ?? offered.FirstOrDefault() ?? "done", RequiredFields(instance, bookmark));
                case BookmarkKinds.OfflineHandling:
                    var results = (bookmark.Payload["results"] as JsonArray ?? []).Select(o => (string?)o).ToList();
                    return new TaskCompleted(bookmark.Id, "done", new JsonObject
                    {
                        ["result"] = chosen ?? results.FirstOrDefault() ?? "done",
                        ["date"] = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd"),
                        ["handler"] = "test-run",
                    });
                case BookmarkKinds.RequestInformation when chosen != "timeout":
                    var data = instance.Input.DeepClone().AsObject();
                    foreach (var field in (bookmark.Payload["fields"] as JsonArray ?? []).Select(f => (string?)f).OfType<string>())
                        data[field] ??= "test";
                    return new ApplicantResubmitted(data, bookmark.Id);
                case BookmarkKinds.Event when chosen != "timeout":
                    return new EventReceived((string)bookmark.Payload["event"]!, (string?)bookmark.Payload["correlation"], new JsonObject());
            }
        }
        var due = instance.Bookmarks.Select(b => b.DueAt).OfType<DateTimeOffset>().Where(d => d > clock.GetUtcNow()).Order().FirstOrDefault();
        if (due == default) return null; // nothing will ever come: the run stops waiting
        clock.Set(due);
        return new ClockAdvanced();
    }

    /// <summary>"test" for each field the step must fill and the data lacks.</summary>
    private static JsonObject RequiredFields(WorkflowInstance instance, Bookmark bookmark)
    {
        var data = new JsonObject();
        foreach (var (key, permission) in bookmark.Payload["fieldPermissions"] as JsonObject ?? [])
            if ((string?)permission == "required" && instance.Input[key] is null) data[key] = "test";
        return data;
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Set(DateTimeOffset at) => _now = at > _now ? at : _now;
    }
}
