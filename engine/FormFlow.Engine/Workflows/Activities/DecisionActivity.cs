using System.Text.Json.Nodes;
namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Follows "true" or "false" by the JavaScript truthiness of its condition.</summary>
internal sealed class DecisionActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("decision", "Branches on a condition.",
    [
        new("condition", InputKind.Any, Required: true, Description: "expression; truthy follows 'true', otherwise 'false'") { Default = JsonNode.Parse("""{"expression": "true"}""") },
    ], ["true", "false"])
    {
        Category = ActivityCategory.Flow,
        Label = new("条件判断", "條件判斷", "Decision"),
    };

    public override void Execute(ActivityContext context) =>
        context.Complete(context.IsTruthy("condition") ? "true" : "false");
}
