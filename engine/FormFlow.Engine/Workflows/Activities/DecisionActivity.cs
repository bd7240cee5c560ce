namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Follows "true" or "false" by the JavaScript truthiness of its condition.</summary>
internal sealed class DecisionActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("decision", "Branches on a condition.",
    [
        new("condition", InputKind.Any, Required: true, Description: "expression; truthy follows 'true', otherwise 'false'"),
    ], ["true", "false"]);

    public override void Execute(ActivityContext context) =>
        context.Complete(context.IsTruthy("condition") ? "true" : "false");
}
