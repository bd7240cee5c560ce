namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Waits for a duration.</summary>
internal sealed class DelayActivity : WaitUntilActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("delay", "Waits for a duration.",
    [
        new("duration", InputKind.String, Required: true, Description: "ISO 8601 duration, e.g. PT30M or P2D") { Default = "P1D" },
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Wait,
        Label = new("延时", "延時", "Delay"),
    };

    public override void Check(ActivityCheck check)
    {
        if (check.LiteralString("duration") is { } d && !Durations.TryParse(d, out _))
            check.Problem("duration", $"'{d}' is not a positive ISO 8601 duration such as PT30M or P2D");
    }

    public override void Execute(ActivityContext context) =>
        WaitUntil(context, context.Now + Durations.Parse(context.RequiredString("duration"), "duration"));
}
