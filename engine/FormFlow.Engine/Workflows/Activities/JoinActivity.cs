namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Closes the innermost fork scope of the token reaching it. Mode "all" (default) goes on once every branch of
/// that fork has arrived or ended; "any" goes on with the first and cancels the other branches.
/// </summary>
internal sealed class JoinActivity : ActivityBehaviour
{
    public const string TypeName = "join";

    public override ActivityDescriptor Descriptor { get; } = new(TypeName, "Waits for the branches of the enclosing fork.",
    [
        new("mode", InputKind.String, Description: "all (default): wait for every branch; any: go on with the first, cancel the rest"),
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Flow,
        Label = new("汇合", "匯合", "Join"),
    };

    public override void Check(ActivityCheck check)
    {
        if (check.IsSet("mode") && check.Literal("mode") is not { } mode)
            check.Problem("mode", "mode must be the literal 'all' or 'any': the validator checks fork/join structure with it");
        else if (check.LiteralString("mode") is { } m && m is not ("all" or "any"))
            check.Problem("mode", $"mode must be 'all' or 'any', not '{m}'");
    }

    public override void Execute(ActivityContext context)
    {
        var waitAny = context.String("mode") == "any";
        context.Handled = true;
        context.Run.ArriveAtJoin(context.Token, waitAny);
    }
}
