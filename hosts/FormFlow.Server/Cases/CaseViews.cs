using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Cases;

internal sealed record AssigneeView(string Role, int OrgUnitId, string? OrgName);

/// <summary>A case in lists. Service names are the module's localized texts.</summary>
internal sealed record CaseSummaryView(
    long Id, string Number, int ServiceId, string ModuleKey, JsonNode? ServiceName, string Status, PersonRef Applicant,
    int OrgUnitId, string? OrgName, DateTime CreatedAt, DateTime UpdatedAt, string? CurrentStep);

/// <summary>A page of the case list: <c>next</c> is the cursor of the following page, null on the last.</summary>
internal sealed record CasePage(List<CaseSummaryView> Items, string? Next);

internal sealed record TimelineView(DateTime At, string? ActivityId, string? Title, string Kind, string? By, string? Outcome, JsonObject? Detail);

internal sealed record OpenStepView(long? TaskId, string ActivityId, string Title, string Kind, AssigneeView? Assignee, DateTime? DueAt, bool Overdue);

internal sealed record RequestInformationView(string Message, List<string> Fields, string BookmarkId);

/// <summary>A case in full: data (personal fields masked unless the reader may see them), the start form, timeline and open steps.</summary>
internal sealed record CaseView(
    long Id, string Number, int ServiceId, string ModuleKey, JsonNode? ServiceName, string Status, PersonRef Applicant,
    int OrgUnitId, string? OrgName, DateTime CreatedAt, DateTime UpdatedAt, string? CurrentStep,
    string SnapshotHash, JsonObject Data, JsonObject Form, List<TimelineView> Timeline, List<OpenStepView> OpenSteps,
    RequestInformationView? RequestInformation, long RowVersion);

/// <summary>Timeline and open steps read from the engine's instance JSON and the case's task rows.</summary>
internal static class CaseHistory
{
    /// <summary>The timeline, each entry's person by display name (<paramref name="people"/>: user name → display name; the system's own steps have none).</summary>
    public static List<TimelineView> Timeline(WorkflowInstance instance, WorkflowDefinition workflow, IReadOnlyDictionary<string, string> people) =>
        instance.Timeline.Select(e => new TimelineView(
            e.At.UtcDateTime, e.ActivityId, e.ActivityId is { } id ? TitleOf(workflow, id) : null, e.Event,
            e.By is { } by ? people.GetValueOrDefault(by, by) : null,
            (string?)e.Detail?["outcome"], (JsonObject?)e.Detail?.DeepClone())).ToList();

    public static List<OpenStepView> OpenSteps(WorkflowInstance instance, WorkflowDefinition workflow, IEnumerable<CaseTask> tasks, Func<int, string?> orgName, DateTime now)
    {
        var steps = tasks.Where(t => t.CompletedAt is null).Select(t => new OpenStepView(
            t.Id, t.ActivityId, t.Title, t.Kind, new AssigneeView(t.Role, t.OrgUnitId, orgName(t.OrgUnitId)), t.DueAt, t.DueAt <= now)).ToList();
        foreach (var b in instance.AllBookmarks().Where(b => b.Kind is not (BookmarkKinds.UserTask or BookmarkKinds.OfflineHandling)))
            steps.Add(new OpenStepView(null, b.ActivityId, (string?)b.Payload["message"] ?? TitleOf(workflow, b.ActivityId), b.Kind, null,
                b.DueAt?.UtcDateTime, false));
        return steps;
    }

    public static RequestInformationView? RequestInformation(WorkflowInstance instance) =>
        instance.AllBookmarks().FirstOrDefault(b => b.Kind == BookmarkKinds.RequestInformation) is { } b
            ? new RequestInformationView((string?)b.Payload["message"] ?? "",
                (b.Payload["fields"] as JsonArray ?? []).Select(f => (string?)f).OfType<string>().ToList(), b.Id)
            : null;

    /// <summary>A task's title input when literal, else the activity's name, else its ID.</summary>
    public static string TitleOf(WorkflowDefinition workflow, string activityId)
    {
        var activity = workflow.Activities.FirstOrDefault(a => a.Id == activityId);
        if (activity?.Input("title")?.Literal is JsonValue v && v.TryGetValue<string>(out var title)) return title;
        return activity?.Name ?? activityId;
    }
}
