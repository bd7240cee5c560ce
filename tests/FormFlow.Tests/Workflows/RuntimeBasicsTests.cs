using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

public class RuntimeBasicsTests
{
    private readonly WorkflowHarness _h = new();

    [Fact]
    public void A_straight_flow_runs_to_the_end_and_records_the_order()
    {
        var definition = new FlowBuilder()
            .Variable("count", 1)
            .Activity("start", "start")
            .Activity("double", "setVariable", new { name = "count", value = new { expression = "variables.count * 2" } })
            .Activity("label", "setVariable", new { name = "label", value = new { expression = "input.name + '@' + caseInfo.applicantOrg" } })
            .Activity("end", "end")
            .Chain("start", "double", "label", "end")
            .Load();

        var instance = _h.Runner.Start(definition, WorkflowHarness.Data("""{"name": "张三"}"""), WorkflowHarness.Case());

        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal(["start", "double", "label", "end"], instance.Visited);
        Assert.Equal("2", instance.Variables["count"]!.ToJsonString());
        Assert.Equal("张三@union-1", (string)instance.Variables["label"]!);
        Assert.Empty(instance.Tokens);
        Assert.Empty(instance.Bookmarks);
    }

    [Theory]
    [InlineData(5, "big")]
    [InlineData(1, "small")]
    public void A_decision_follows_the_port_its_condition_picks(int amount, string expected)
    {
        var definition = new FlowBuilder()
            .Activity("start", "start")
            .Activity("check", "decision", new { condition = new { expression = "input.amount > 3" } })
            .Activity("big", "setVariable", new { name = "size", value = "big" })
            .Activity("small", "setVariable", new { name = "size", value = "small" })
            .Activity("end", "end")
            .Connect("start", "check")
            .Connect("check", "big", "true")
            .Connect("check", "small", "false")
            .Connect("big", "end").Connect("small", "end")
            .Load();

        var instance = _h.Runner.Start(definition, new JsonObject { ["amount"] = amount });

        Assert.Equal(expected, (string)instance.Variables["size"]!);
        Assert.Equal(["start", "check", expected, "end"], instance.Visited);
    }
}
