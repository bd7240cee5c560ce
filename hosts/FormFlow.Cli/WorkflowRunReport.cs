using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Activities;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Cli;

/// <summary>What `workflow run` prints: the instance as a person checking a run wants to see it.</summary>
internal static class WorkflowRunReport
{
    public static JsonObject From(WorkflowInstance instance, DateTimeOffset now) => new()
    {
        ["status"] = instance.Status.ToString().ToLowerInvariant(),
        ["now"] = now.ToString("yyyy-MM-ddTHH:mm:sszzz"),
        ["variables"] = instance.Variables.DeepClone(),
        ["visited"] = new JsonArray(instance.Visited.Select(id => (JsonNode?)id).ToArray()),
        ["waiting"] = new JsonArray(instance.AllBookmarks().Select(b => Waiting(b, now.Offset)).ToArray<JsonNode?>()),
        ["lines"] = new JsonArray(instance.Timeline.Where(e => e.Event == LogActivity.TimelineEvent)
            .Select(e => e.Detail?["text"]?.DeepClone()).ToArray()),
        ["effects"] = new JsonArray(instance.Outbox.Select(o => (JsonNode?)new JsonObject
        {
            ["kind"] = o.Kind, ["activity"] = o.ActivityId, ["payload"] = o.Payload.DeepClone(),
        }).ToArray()),
        ["incidents"] = new JsonArray(instance.Incidents.Where(i => i.ResolvedAt is null).Select(i => (JsonNode?)new JsonObject
        {
            ["activity"] = i.ActivityId, ["message"] = i.Message,
        }).ToArray()),
    };

    /// <summary>activity, kind and bookmark first, then what the bookmark's kind records (outcomes, deadline, event ...).</summary>
    private static JsonNode Waiting(Bookmark b, TimeSpan offset)
    {
        var node = new JsonObject { ["activity"] = b.ActivityId, ["kind"] = b.Kind, ["bookmark"] = b.Id };
        // Shown in the offset of --now, like "now", so a reader compares like with like.
        if (b.DueAt is { } due) node["dueAt"] = due.ToOffset(offset).ToString("yyyy-MM-ddTHH:mm:sszzz");
        foreach (var (key, value) in b.Payload)
            if (!node.ContainsKey(key)) node[key] = value?.DeepClone();
        return node;
    }
}
