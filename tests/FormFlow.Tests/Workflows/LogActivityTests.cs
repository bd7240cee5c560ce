using FormFlow.Engine.Workflows.Activities;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

/// <summary>The log activity (what Elsa's WriteLine imports as): a line on the timeline, nothing in the outbox.</summary>
public class LogActivityTests
{
    [Fact]
    public void Writes_text_and_json_values_to_the_timeline_in_order()
    {
        var definition = new FlowBuilder()
            .Variable("count", 3)
            .Activity("start", "start")
            .Activity("greet", "log", new { text = "开始办理" })
            .Activity("count", "log", new { text = new { expression = "'共 ' + variables.count + ' 项'" } })
            .Activity("dump", "log", new { text = new { expression = "({ count: variables.count })" } })
            .Activity("end", "end")
            .Chain("start", "greet", "count", "dump", "end")
            .Load();
        var instance = new WorkflowHarness().Runner.Start(definition);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        var lines = instance.Timeline.Where(e => e.Event == LogActivity.TimelineEvent).ToList();
        Assert.Equal(["开始办理", "共 3 项", "{\"count\":3}"], lines.Select(e => (string)e.Detail!["text"]!));
        Assert.Equal(["greet", "count", "dump"], lines.Select(e => e.ActivityId));
        Assert.Empty(instance.Outbox);
    }

    [Fact]
    public void Text_is_required()
    {
        var problems = FormFlow.Engine.Workflows.Definitions.WorkflowDefinitionLoader.Check(new FlowBuilder()
            .Activity("start", "start").Activity("say", "log").Activity("end", "end").Chain("start", "say", "end").Json());
        Assert.Contains(problems, p => p.ActivityId == "say" && p.Message.Contains("log requires input 'text'"));
    }
}
