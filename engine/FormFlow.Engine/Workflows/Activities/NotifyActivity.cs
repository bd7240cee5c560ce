using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Records a notification in the outbox (the server sends it, once per idempotency key). The template is the
/// message's key for machines; what a person reads is its title and body, by locale (a module must give both in
/// zh-CN: <see cref="FormFlow.Engine.Modules.Resolution.ModuleSoundness"/>).
/// </summary>
internal sealed class NotifyActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("notify", "Sends a notification (recorded in the outbox).",
    [
        new("channel", InputKind.String, Required: true, Description: "sms, wechat, email, inbox ...") { Default = "sms" },
        new("recipient", InputKind.Any, Required: true, Description: "who receives it (user ID, phone, role@org ...)") { Default = JsonNode.Parse("""{"expression": "input.mobile"}""") },
        new("template", InputKind.String, Required: true, Description: "the message template ID") { Default = "notice" },
        new("data", InputKind.Object, Description: "values for the template"),
        new("title", InputKind.Object, Description: "what the recipient reads as the message's title, by locale ({\"zh-CN\": ..., \"en\": ...}); {key} takes a value from data; translations.json may add locales") { Default = JsonNode.Parse("""{"zh-CN": "办理进展通知"}""") },
        new("body", InputKind.Object, Description: "the message text, by locale, with {key} placeholders filled from data") { Default = JsonNode.Parse("""{"zh-CN": "您的申请有新的进展，请在“我的办件”中查看。"}""") },
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
        var effect = new JsonObject
        {
            ["channel"] = context.RequiredString("channel"),
            ["recipient"] = recipient,
            ["template"] = context.RequiredString("template"),
            ["data"] = context.Object("data") ?? [],
        };
        if (context.Object("title") is { } title) effect["title"] = title;
        if (context.Object("body") is { } body) effect["body"] = body;
        context.AddEffect("notify", effect);
        context.Complete();
    }
}
