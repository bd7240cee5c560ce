namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Waits until a moment (at) or for an interval from now (interval).</summary>
internal sealed class TimerActivity : WaitUntilActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("timer", "Waits until a time.",
    [
        new("at", InputKind.String, Description: "ISO 8601 date-time with offset, e.g. 2026-03-01T09:00:00+08:00"),
        new("interval", InputKind.String, Description: "ISO 8601 duration from now (instead of at)") { Default = "P1D" },
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Wait,
        Label = new("定时", "定時", "Timer"),
    };

    public override void Check(ActivityCheck check)
    {
        if (check.IsSet("at") == check.IsSet("interval")) check.Problem(null, "a timer needs exactly one of 'at' and 'interval'");
        if (check.LiteralString("at") is { } at && !DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, out _))
            check.Problem("at", $"'{at}' is not an ISO 8601 date-time");
        if (check.LiteralString("interval") is { } i && !Durations.TryParse(i, out _))
            check.Problem("interval", $"'{i}' is not a positive ISO 8601 duration such as PT30M or P2D");
    }

    public override void Execute(ActivityContext context)
    {
        if (context.String("at") is { } at)
        {
            if (!DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, out var due))
                throw new WorkflowActivityException($"input 'at': '{at}' is not an ISO 8601 date-time");
            WaitUntil(context, due);
        }
        else WaitUntil(context, context.Now + Durations.Parse(context.RequiredString("interval"), "interval"));
    }
}
