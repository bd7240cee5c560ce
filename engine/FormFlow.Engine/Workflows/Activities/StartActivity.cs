namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Where an instance begins. The trigger tells the server what starts instances; the runner just goes on.</summary>
internal sealed class StartActivity : ActivityBehaviour
{
    public const string TypeName = "start";
    private static readonly string[] Triggers = ["formSubmission", "event", "schedule"];

    public override ActivityDescriptor Descriptor { get; } = new(TypeName, "Starts the workflow on a form submission, an event or a schedule.",
    [
        new("trigger", InputKind.String, Description: "formSubmission (default), event or schedule"),
        new("formId", InputKind.String, Description: "the form whose submission starts the workflow"),
        new("event", InputKind.String, Description: "the event that starts the workflow (trigger event)"),
        new("every", InputKind.String, Description: "ISO 8601 interval between scheduled starts, e.g. P1D (trigger schedule)"),
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Flow,
        Label = new("开始", "開始", "Start"),
    };

    public override void Check(ActivityCheck check)
    {
        var trigger = check.LiteralString("trigger") ?? "formSubmission";
        if (!Triggers.Contains(trigger))
            check.Problem("trigger", $"trigger must be one of {string.Join(", ", Triggers)}, not '{trigger}'");
        if (trigger == "event" && !check.IsSet("event")) check.Problem("event", "an event trigger needs the input 'event'");
        if (trigger == "schedule")
        {
            if (!check.IsSet("every")) check.Problem("every", "a schedule trigger needs the input 'every' (an ISO 8601 duration)");
            else if (check.LiteralString("every") is { } every && !Durations.TryParse(every, out _))
                check.Problem("every", $"'{every}' is not an ISO 8601 duration such as PT30M or P1D");
        }
    }

    public override void Execute(ActivityContext context) => context.Complete();
}
