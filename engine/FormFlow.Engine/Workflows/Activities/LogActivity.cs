using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Writes a line to the instance's timeline (event "log"). It is what Elsa's WriteLine becomes on import: a
/// visible trace of the run, with no side effect for the server to carry out (unlike notify).
/// </summary>
public sealed class LogActivity : ActivityBehaviour
{
    public const string TypeName = "log";
    public const string TimelineEvent = "log";

    public override ActivityDescriptor Descriptor { get; } = new(TypeName, "Writes a line to the instance timeline.",
    [
        new("text", InputKind.Any, Required: true, Description: "the line; a non-string value is written as JSON") { Default = "" },
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Data,
        Label = new("记录日志", "記錄日誌", "Log"),
    };

    public override void Execute(ActivityContext context)
    {
        var text = context.Input("text") switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            var other => other.ToJsonString(),
        };
        context.Record(TimelineEvent, new JsonObject { ["text"] = text });
        context.Complete();
    }
}
