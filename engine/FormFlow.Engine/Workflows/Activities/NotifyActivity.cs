using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Records a notification in the outbox (the server sends it, once per idempotency key).</summary>
internal sealed class NotifyActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("notify", "Sends a notification (recorded in the outbox).",
    [
        new("channel", InputKind.String, Required: true, Description: "sms, wechat, email, inbox ...") { Default = "sms" },
        new("recipient", InputKind.Any, Required: true, Description: "who receives it (user ID, phone, role@org ...)") { Default = JsonNode.Parse("""{"expression": "input.mobile"}""") },
        new("template", InputKind.String, Required: true, Description: "the message template ID") { Default = "notice" },
        new("data", InputKind.Object, Description: "values for the template"),
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Integration,
        Label = new("发送通知", "發送通知", "Notify"),
    };

    public override void Execute(ActivityContext context)
    {
        var recipient = context.Input("recipient") switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => s,
            JsonValue v when JsonText.Number(v) is { } n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            var other => throw new WorkflowActivityException($"input 'recipient' must be a non-empty string, got {other?.ToJsonString() ?? "null"}"),
        };
        context.AddEffect("notify", new JsonObject
        {
            ["channel"] = context.RequiredString("channel"),
            ["recipient"] = recipient,
            ["template"] = context.RequiredString("template"),
            ["data"] = context.Object("data") ?? [],
        });
        context.Complete();
    }
}
