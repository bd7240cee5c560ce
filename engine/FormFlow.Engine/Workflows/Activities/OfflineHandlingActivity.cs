using System.Globalization;
using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Waits until a handler records how the request was handled offline: a task completion (outcome "done") whose
/// data holds result, date (yyyy-MM-dd, not in the future), handler, and optional notes and attachments. The
/// checked record goes to resultVariable.
/// </summary>
internal sealed class OfflineHandlingActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("offlineHandling", "Records how the request was handled offline.",
    [
        new("instructions", InputKind.String, Description: "what the handler should do"),
        new("results", InputKind.Array, Description: "the allowed results, e.g. [\"joined\", \"declined\"] (any text when absent)"),
        new("assignTo", InputKind.Object, Description: "who records it: {role, org, level?, orgId?} as for userTask"),
        new("fieldPermissions", InputKind.Object, Description:
            "form field key → hidden | read: what the handler sees of the case (personal fields without read stay masked); the record is not form data, so nothing is edited"),
        CommonInputs.ResultVariable,
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.People,
        Label = new("线下办理", "線下辦理", "Offline handling"),
    };

    public override void Check(ActivityCheck check)
    {
        if (check.Literal("assignTo") is JsonObject assign) UserTaskActivity.CheckAssignment(check, assign);
        UserTaskActivity.CheckFieldPermissions(check, ["hidden", "read"]);
    }

    public override void Execute(ActivityContext context)
    {
        var payload = new JsonObject { ["instructions"] = context.String("instructions") };
        if (context.Array("results") is { } results) payload["results"] = results;
        if (context.Object("assignTo") is { } assign) payload["assignment"] = UserTaskActivity.Assign(context, assign);
        if (context.Object("fieldPermissions") is { } permissions) payload["fieldPermissions"] = permissions;
        context.Wait(BookmarkKinds.OfflineHandling, payload);
    }

    public override void Resume(ActivityContext context, Bookmark bookmark, Stimulus stimulus)
    {
        if (stimulus is not TaskCompleted completed) { base.Resume(context, bookmark, stimulus); return; }
        if (completed.Outcome != "done")
            throw new WorkflowStimulusException($"offline handling '{context.Activity.Id}' (bookmark '{bookmark.Id}') has no outcome '{completed.Outcome}'; its outcome is done");
        var record = Validate(context, bookmark, completed.Data ?? []);
        record["recordedBy"] = completed.By;
        record["recordedAt"] = context.Now.ToString("O");
        context.SetResult(record);
        context.Record("handledOffline", new JsonObject { ["result"] = record["result"]?.DeepClone(), ["handler"] = record["handler"]?.DeepClone() }, completed.By);
        context.Complete();
    }

    private static JsonObject Validate(ActivityContext context, Bookmark bookmark, JsonObject data)
    {
        var problems = new List<string>();
        var result = JsonText.Of(data["result"]);
        if (string.IsNullOrWhiteSpace(result)) problems.Add("/result: the handling result is required");
        else if (bookmark.Payload["results"] is JsonArray allowed && !allowed.Select(JsonText.Of).Contains(result))
            problems.Add($"/result: '{result}' is not one of {string.Join(", ", allowed.Select(JsonText.Of))}");

        var today = DateOnly.FromDateTime(context.Now.ToOffset(context.Options.LocalOffset).DateTime);
        if (!DateOnly.TryParseExact(JsonText.Of(data["date"]), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            problems.Add("/date: the handling date is required as yyyy-MM-dd");
        else if (date > today) problems.Add($"/date: {date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd})");

        if (string.IsNullOrWhiteSpace(JsonText.Of(data["handler"]))) problems.Add("/handler: who handled it is required");
        if (data["notes"] is { } notes && JsonText.Of(notes) is null) problems.Add("/notes: notes must be text");
        if (data["attachments"] is { } attachments)
        {
            if (attachments is not JsonArray list) problems.Add("/attachments: attachments must be a list");
            else
                for (var i = 0; i < list.Count; i++)
                    if (JsonText.Of(list[i]) is not { Length: > 0 } && JsonText.Of((list[i] as JsonObject)?["name"]) is not { Length: > 0 })
                        problems.Add($"/attachments/{i}: an attachment is a file reference string or an object with a name");
        }
        foreach (var (key, _) in data)
            if (key is not ("result" or "date" or "handler" or "notes" or "attachments"))
                problems.Add($"/{key}: not a field of an offline handling record (result, date, handler, notes, attachments)");
        if (problems.Count > 0)
            throw new WorkflowStimulusException($"offline handling '{context.Activity.Id}' (bookmark '{bookmark.Id}'): {string.Join("; ", problems)}");
        return (JsonObject)data.DeepClone();
    }
}
