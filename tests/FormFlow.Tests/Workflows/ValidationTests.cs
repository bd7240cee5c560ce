using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Validation;

namespace FormFlow.Tests.Workflows;

public class ValidationTests
{
    private static IReadOnlyList<WorkflowProblem> Problems(FlowBuilder flow) => WorkflowDefinitionLoader.Check(flow.Json());

    private static FlowBuilder Minimal() => new FlowBuilder()
        .Activity("start", "start").Activity("end", "end").Connect("start", "end");

    [Fact]
    public void A_sound_definition_has_no_problems_and_loads() =>
        Assert.Empty(Problems(Minimal()));

    [Fact]
    public void Unknown_activity_type_is_named_with_its_activity()
    {
        var problem = Assert.Single(Problems(Minimal().Activity("x", "sendFax").Connect("start", "x", "done")
            .Connect("x", "end")), p => p.ActivityId == "x");
        Assert.Equal("/activities/2/type", problem.Path);
        Assert.Contains("unknown activity type 'sendFax'", problem.Message);
    }

    [Fact]
    public void Dangling_connection_names_the_missing_target()
    {
        var problem = Assert.Single(Problems(Minimal().Connect("start", "ghost", "done")), p => p.Path == "/connections/1/target");
        Assert.Equal("ghost", problem.ActivityId);
        Assert.Contains("target activity 'ghost' does not exist", problem.Message);
    }

    [Fact]
    public void An_outcome_port_the_activity_does_not_have_is_reported()
    {
        var flow = new FlowBuilder()
            .Activity("start", "start")
            .Activity("check", "decision", new { condition = true })
            .Activity("end", "end")
            .Connect("start", "check").Connect("check", "end", "yes").Connect("check", "end", "true");
        var problem = Assert.Single(Problems(flow));
        Assert.Equal("check", problem.ActivityId);
        Assert.Equal("/connections/1/outcome", problem.Path);
        Assert.Contains("has no outcome 'yes'; its outcomes are true, false", problem.Message);
    }

    [Fact]
    public void Unreachable_activity_and_no_path_to_end_are_reported_per_activity()
    {
        var flow = new FlowBuilder()
            .Activity("start", "start")
            .Activity("orphan", "setVariable", new { name = "x" })
            .Activity("loop", "delay", new { duration = "PT1H" })
            .Activity("end", "end")
            .Connect("start", "end").Connect("orphan", "end")
            .Connect("start", "loop", "done").Connect("loop", "loop");
        var problems = Problems(flow);
        Assert.Contains(problems, p => p.ActivityId == "orphan" && p.Message.Contains("unreachable"));
        // start's done port is connected twice; that is its own problem, reported before graph checks.
        Assert.Contains(problems, p => p.ActivityId == "start" && p.Message.Contains("already connected"));

        var noEnd = new FlowBuilder()
            .Activity("start", "start").Activity("loop", "delay", new { duration = "PT1H" })
            .Activity("end", "end").Connect("start", "loop").Connect("loop", "loop");
        var stuck = Assert.Single(Problems(noEnd), p => p.ActivityId == "loop");
        Assert.Contains("no path to an end", stuck.Message);
        Assert.Contains(Problems(noEnd), p => p.ActivityId == "end" && p.Message.Contains("unreachable"));
    }

    [Fact]
    public void Missing_required_input_and_wrong_literal_kinds_are_reported()
    {
        var flow = new FlowBuilder()
            .Activity("start", "start")
            .Activity("task", "userTask", new { outcomes = new[] { "ok" }, deadlineDays = "ten" })
            .Activity("end", "end")
            .Connect("start", "task").Connect("task", "end", "ok");
        var problems = Problems(flow);
        Assert.Contains(problems, p => p.ActivityId == "task" && p.Message == "userTask requires input 'assignTo'");
        Assert.Contains(problems, p => p.Path == "/activities/1/inputs/deadlineDays" && p.Message.Contains("must be a whole number"));
    }

    [Fact]
    public void Bad_expressions_and_scripts_are_reported_with_the_input_path()
    {
        var flow = new FlowBuilder()
            .Activity("start", "start")
            .Activity("check", "decision", new { condition = new { expression = "input.amount >" } })
            .Activity("calc", "script", new { script = "while (true) {} ; secret.x = 1" })
            .Activity("end", "end")
            .Connect("start", "check").Connect("check", "calc", "true").Connect("check", "end", "false").Connect("calc", "end");
        var problems = Problems(flow);
        Assert.Contains(problems, p => p.ActivityId == "check" && p.Path == "/activities/1/inputs/condition" && p.Message.StartsWith("bad expression"));
        Assert.Contains(problems, p => p.ActivityId == "calc" && p.Path == "/activities/2/inputs/script" && p.Message.StartsWith("bad script"));
    }

    [Fact]
    public void Switch_case_conditions_are_checked_and_become_ports()
    {
        var flow = new FlowBuilder()
            .Activity("start", "start")
            .Activity("route", "switch", new { cases = new object[] { new { outcome = "high", condition = "input.amount >= " }, new { outcome = "low", condition = "input.amount < 10" } } })
            .Activity("end", "end")
            .Connect("start", "route").Connect("route", "end", "high").Connect("route", "end", "low").Connect("route", "end", "default").Connect("route", "end", "medium");
        var problems = Problems(flow);
        Assert.Contains(problems, p => p.Path == "/activities/1/inputs/cases/0/condition" && p.Message.StartsWith("bad expression"));
        Assert.Contains(problems, p => p.Path == "/connections/4/outcome" && p.Message.Contains("its outcomes are high, low, default"));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Fork_branches_meeting_at_different_joins_can_never_complete()
    {
        var flow = new FlowBuilder()
            .Activity("start", "start").Activity("fork", "fork")
            .Activity("a", "setVariable", new { name = "a" }).Activity("b", "setVariable", new { name = "b" })
            .Activity("j1", "join").Activity("j2", "join").Activity("end", "end")
            .Connect("start", "fork").Connect("fork", "a").Connect("fork", "b")
            .Connect("a", "j1").Connect("b", "j2").Connect("j1", "j2").Connect("j2", "end");
        var problem = Assert.Single(Problems(flow));
        Assert.Equal("fork", problem.ActivityId);
        Assert.Contains("meet at different joins (j1, j2)", problem.Message);
    }

    [Fact]
    public void A_fork_cycle_without_a_join_can_never_complete()
    {
        var flow = new FlowBuilder()
            .Activity("start", "start").Activity("fork", "fork")
            .Activity("again", "decision", new { condition = new { expression = "variables.more" } })
            .Activity("join", "join").Activity("end", "end")
            .Connect("start", "fork").Connect("fork", "again").Connect("fork", "join")
            .Connect("again", "fork", "true").Connect("again", "join", "false").Connect("join", "end");
        var problem = Assert.Single(Problems(flow));
        Assert.Equal("fork", problem.ActivityId);
        Assert.Contains("leads back into it without passing a join", problem.Message);
    }

    [Fact]
    public void Schema_errors_point_at_the_element()
    {
        const string json = """
            {"id": "x", "activities": [{"id": "start", "type": "start", "colour": "red"}, {"id": "bad id!", "type": "end"}],
             "connections": [{"source": "start"}]}
            """;
        var problems = WorkflowDefinitionLoader.Check(json);
        Assert.Contains(problems, p => p.Path == "/activities/0/colour" && p.ActivityId == "start" && p.Message.Contains("'colour' is not part of"));
        Assert.Contains(problems, p => p.Path == "/activities/1/id" && p.Message.StartsWith("an ID may contain only"));
        Assert.Contains(problems, p => p.Path == "/connections/0" && p.Message.Contains("target"));
        var ex = Assert.Throws<WorkflowDefinitionException>(() => WorkflowDefinitionLoader.Load(json));
        Assert.Equal(problems.Count, ex.Problems.Count);
    }

    [Fact]
    public void Malformed_json_is_one_clear_problem()
    {
        var problem = Assert.Single(WorkflowDefinitionLoader.Check("{\"id\": "));
        Assert.StartsWith("malformed JSON", problem.Message);
    }

    [Fact]
    public void A_definition_survives_writing_and_reading_back()
    {
        var definition = new FlowBuilder("round-trip", 3)
            .Variable("n", 1)
            .Activity("start", "start", new { trigger = "event", @event = "member.moved" })
            .Activity("check", "decision", new { condition = new { expression = "variables.n > 0" } })
            .Activity("end", "end")
            .Connect("start", "check").Connect("check", "end", "true").Connect("check", "end", "false")
            .Load();

        var again = WorkflowDefinitionLoader.Load(WorkflowDefinitionLoader.ToJson(definition).ToJsonString());

        Assert.Equal(WorkflowDefinitionLoader.ToJson(definition).ToJsonString(), WorkflowDefinitionLoader.ToJson(again).ToJsonString());
        Assert.Equal("variables.n > 0", again.Activities[1].Input("condition")!.Expression);
        Assert.Equal(3, again.Version);
    }
}
