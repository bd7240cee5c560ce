using FormFlow.Engine.Workflows.Activities;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Engine.Workflows.Validation;

namespace FormFlow.Tests.Workflows;

/// <summary>Hosts extend the library through a copy of the registry, as the README shows.</summary>
public class CustomActivityTests
{
    private sealed class StampActivity : ActivityBehaviour
    {
        public override ActivityDescriptor Descriptor { get; } = new("stamp", "Stamps the case.",
            [new("text", InputKind.String, Required: true)], ActivityDescriptor.Done)
        {
            Category = ActivityCategory.Data,
            Label = new("盖章", "蓋章", "Stamp"),
        };

        public override void Execute(ActivityContext context)
        {
            context.SetResult(context.RequiredString("text"));
            context.Complete();
        }
    }

    [Fact]
    public void A_registered_type_validates_and_runs_and_the_default_registry_is_untouched()
    {
        var registry = new ActivityRegistry(ActivityRegistry.Default).Add(new StampActivity());
        var json = new FlowBuilder().Activity("start", "start").Activity("s", "stamp", new { text = "已受理" }).Activity("end", "end")
            .Chain("start", "s", "end").Json();

        Assert.Contains(WorkflowDefinitionLoader.Check(json), p => p.Message.StartsWith("unknown activity type 'stamp'"));
        var definition = WorkflowDefinitionLoader.Load(json, new WorkflowValidator(registry));
        var done = new WorkflowRunner(new WorkflowRunnerOptions { Registry = registry }).Start(definition);

        Assert.Equal("已受理", (string?)done.Variables["s"]);
        Assert.Throws<ArgumentException>(() => registry.Add(new StampActivity()));
    }
}
