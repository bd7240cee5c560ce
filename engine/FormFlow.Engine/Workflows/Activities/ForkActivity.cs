namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Starts one branch per connection of its "done" port, all inside one new fork scope.</summary>
internal sealed class ForkActivity : ActivityBehaviour
{
    public const string TypeName = "fork";

    public override ActivityDescriptor Descriptor { get; } = new(TypeName,
        "Runs every connected branch in parallel; the next join waits for them.", [], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Flow,
        Label = new("并行分支", "並行分支", "Fork"),
    };

    public override void Execute(ActivityContext context)
    {
        context.Handled = true;
        context.Run.Fork(context.Token);
    }
}
