using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

public class ScriptAndBranchingTests
{
    private readonly WorkflowHarness _h = new();

    private static WorkflowDefinition ScriptFlow(string script, string? resultVariable = null) => new FlowBuilder()
        .Variable("total", 0).Variable("items", new[] { 3, 4 })
        .Activity("start", "start")
        .Activity("calc", "script", resultVariable is null ? new { script } : new { script, resultVariable })
        .Activity("end", "end").Chain("start", "calc", "end").Load();

    [Fact]
    public void A_script_runs_several_statements_and_changes_variables()
    {
        var definition = ScriptFlow("""
            let acc = 0;
            for (const n of variables.items) { acc += n; }
            variables.total = acc;
            setVariable("label", input.name + ":" + acc);
            return acc * 2;
            """, "doubled");
        var done = _h.Runner.Start(definition, WorkflowHarness.Data("""{"name": "a"}"""));
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Equal("7", done.Variables["total"]!.ToJsonString());
        Assert.Equal("a:7", (string?)done.Variables["label"]);
        Assert.Equal("14", done.Variables["doubled"]!.ToJsonString());
    }

    [Fact]
    public void Elsa_style_accessors_read_and_write_variables()
    {
        var done = _h.Runner.Start(ScriptFlow("setTotal(getTotal() + 5);"));
        Assert.Equal("5", done.Variables["total"]!.ToJsonString());
    }

    [Fact]
    public void A_script_that_never_ends_becomes_an_incident_not_a_hang()
    {
        var h = new WorkflowHarness(configure: o => o with { Expressions = new ExpressionEngine(new ExpressionOptions { Timeout = TimeSpan.FromMilliseconds(100) }) });
        var faulted = h.Runner.Start(ScriptFlow("while (true) { variables.total++; }"));

        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        var incident = Assert.Single(faulted.Incidents);
        Assert.Equal("calc", incident.ActivityId);
        Assert.StartsWith("script: ", incident.Message);
        Assert.Matches("ran (longer than|more than)", incident.Message);
        Assert.Equal("0", faulted.Variables["total"]!.ToJsonString()); // the half-run script changed nothing
        Assert.Equal(TokenStatus.Faulted, Assert.Single(faulted.Tokens).Status);
    }

    [Fact]
    public void A_back_edge_loop_that_never_waits_faults_at_the_step_limit()
    {
        var h = new WorkflowHarness(configure: o => o with { MaxStepsPerRun = 50 });
        var definition = new FlowBuilder().Variable("n", 0)
            .Activity("start", "start")
            .Activity("inc", "setVariable", new { name = "n", value = new { expression = "variables.n + 1" } })
            .Activity("again", "decision", new { condition = new { expression = "variables.n > -1" } })
            .Activity("end", "end")
            .Chain("start", "inc", "again").Connect("again", "inc", "true").Connect("again", "end", "false").Load();

        var faulted = h.Runner.Start(definition);

        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Contains("more than 50 activities ran without waiting", faulted.Incidents[0].Message);
    }

    [Theory]
    [InlineData(5000, "high")]
    [InlineData(500, "medium")]
    [InlineData(5, "default")]
    public void Switch_takes_the_first_matching_case_or_default(int amount, string expected)
    {
        var definition = new FlowBuilder()
            .Activity("start", "start")
            .Activity("route", "switch", new
            {
                cases = new object[]
                {
                    new { outcome = "high", condition = "input.amount >= 1000" },
                    new { outcome = "medium", condition = "input.amount >= 100" },
                },
            })
            .Activity("high", "end").Activity("medium", "end").Activity("default", "end")
            .Connect("start", "route").Connect("route", "high", "high").Connect("route", "medium", "medium").Connect("route", "default", "default")
            .Load();

        Assert.Equal(expected, _h.Runner.Start(definition, new JsonObject { ["amount"] = amount }).Visited[^1]);
    }

    [Fact]
    public void A_failing_expression_is_an_incident_naming_the_input_and_retry_runs_it_again()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start")
            .Activity("check", "decision", new { condition = new { expression = "input.applicant.age >= 18" } })
            .Activity("adult", "end").Activity("minor", "end")
            .Connect("start", "check").Connect("check", "adult", "true").Connect("check", "minor", "false").Load();

        var faulted = _h.Runner.Start(definition, WorkflowHarness.Data("{}"));
        var incident = Assert.Single(faulted.Incidents);
        Assert.Equal("check", incident.ActivityId);
        Assert.StartsWith("input 'condition': ", incident.Message);

        faulted.Input["applicant"] = new JsonObject { ["age"] = 30 };
        var done = _h.Runner.Retry(definition, faulted);
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Equal("adult", done.Visited[^1]);
    }

    [Fact]
    public void Start_triggers_are_checked()
    {
        static IEnumerable<string> Messages(object inputs) => WorkflowDefinitionLoader.Check(new FlowBuilder()
            .Activity("start", "start", inputs).Activity("end", "end").Connect("start", "end").Json()).Select(p => p.Message);

        Assert.Empty(Messages(new { trigger = "schedule", every = "P1D" }));
        Assert.Empty(Messages(new { trigger = "event", @event = "member.transferred" }));
        Assert.Contains("an event trigger needs the input 'event'", Messages(new { trigger = "event" }));
        Assert.Contains("'weekly' is not an ISO 8601 duration such as PT30M or P1D", Messages(new { trigger = "schedule", every = "weekly" }));
        Assert.Contains("trigger must be one of formSubmission, event, schedule, not 'email'", Messages(new { trigger = "email" }));
    }
}
