using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Validation;

namespace FormFlow.Tests.Workflows;

/// <summary>awardPoints: checked before it runs, and an outbox effect carrying what the ledger needs.</summary>
public class AwardPointsTests
{
    private static FlowBuilder Award(object inputs) => new FlowBuilder()
        .Activity("start", "start").Activity("award", "awardPoints", inputs).Activity("end", "end").Chain("start", "award", "end");

    [Theory]
    [InlineData(0, "points must be 1 to 1000, not 0")]
    [InlineData(5000, "points must be 1 to 1000, not 5000")]
    public void Points_outside_1_to_1000_are_refused_naming_the_input(int points, string message)
    {
        var problem = Assert.Single(WorkflowDefinitionLoader.Check(Award(new { points, reason = "金点子被采纳", kind = "ideaAdopted" }).Json()));
        Assert.Equal("award", problem.ActivityId);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void A_daily_cap_below_one_and_an_empty_reason_are_refused()
    {
        var problems = WorkflowDefinitionLoader.Check(Award(new { points = 10, reason = " ", kind = "ideaAdopted", dailyCap = 0 }).Json());
        Assert.Contains(problems, p => p.Message.Contains("dailyCap must be at least 1"));
        Assert.Contains(problems, p => p.Message.Contains("reason must be 1 to 200 characters"));
    }

    [Fact]
    public void Awarding_records_an_effect_for_the_applicant_with_reason_kind_and_cap()
    {
        var definition = Award(new { points = 20, reason = "金点子被采纳", kind = "ideaAdopted", dailyCap = 50 }).Load();
        var done = new WorkflowHarness().Runner.Start(definition, WorkflowHarness.Data("{}"), WorkflowHarness.Case(), "inst-9");

        var item = Assert.Single(done.Outbox);
        Assert.Equal("awardPoints", item.Kind);
        Assert.Equal(20, (int)item.Payload["points"]!);
        Assert.Equal("金点子被采纳", (string?)item.Payload["reason"]);
        Assert.Equal("ideaAdopted", (string?)item.Payload["kind"]);
        Assert.Equal(50, (int)item.Payload["dailyCap"]!);
        Assert.Equal(WorkflowHarness.Case()["applicantId"]!.ToJsonString(), item.Payload["member"]!.ToJsonString());
    }
}
