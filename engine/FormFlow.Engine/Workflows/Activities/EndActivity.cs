namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Ends the branch that reaches it; the instance finishes when no branch is left. With terminate, it cancels
/// every other branch and finishes the instance at once.
/// </summary>
internal sealed class EndActivity : ActivityBehaviour
{
    public const string TypeName = "end";

    public override ActivityDescriptor Descriptor { get; } = new(TypeName, "Ends this branch (or, with terminate, the whole workflow).",
    [
        new("terminate", InputKind.Boolean, Description: "true: cancel all other branches and finish now"),
    ], [])
    {
        Category = ActivityCategory.Flow,
        Label = new("结束", "結束", "End"),
    };

    public override void Execute(ActivityContext context)
    {
        var terminate = context.Boolean("terminate") ?? false;
        context.Handled = true;
        if (terminate) context.Run.Terminate(context.Token);
        else context.Run.EndToken(context.Token);
    }
}
