using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Waits for a named event (optionally with a correlation value); the event payload goes to resultVariable.</summary>
internal sealed class WaitForEventActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("waitForEvent", "Waits for an event.",
    [
        new("event", InputKind.String, Required: true, Description: "the event name") { Default = "event" },
        new("correlation", InputKind.Any, Description: "only an event carrying this correlation value resumes it"),
        CommonInputs.ResultVariable,
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Wait,
        Label = new("等待事件", "等待事件", "Wait for event"),
    };

    public override void Execute(ActivityContext context)
    {
        var payload = new JsonObject { ["event"] = context.RequiredString("event") };
        if (context.Input("correlation") is { } correlation)
            payload["correlation"] = correlation is JsonValue v && v.TryGetValue<string>(out var s) ? s : correlation.ToJsonString();
        context.Wait(BookmarkKinds.Event, payload);
    }

    public override void Resume(ActivityContext context, Bookmark bookmark, Stimulus stimulus)
    {
        if (stimulus is not EventReceived received) { base.Resume(context, bookmark, stimulus); return; }
        context.SetResult(received.Payload?.DeepClone());
        context.Record("eventReceived", new JsonObject { ["event"] = received.Name, ["correlation"] = received.Correlation });
        context.Complete();
    }
}
