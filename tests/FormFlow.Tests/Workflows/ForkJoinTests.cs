using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

/// <summary>The scope model: a join closes the innermost fork scope of the token reaching it.</summary>
public class ForkJoinTests
{
    private readonly WorkflowHarness _h = new();

    private static object Task(params string[] outcomes) => new { assignTo = new { role = "reviewer" }, outcomes };

    [Fact]
    public void Join_all_waits_for_every_branch_including_one_that_waits_on_a_task()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start").Activity("fork", "fork")
            .Activity("a", "setVariable", new { name = "a", value = true })
            .Activity("review", "userTask", Task("ok"))
            .Activity("join", "join")
            .Activity("after", "setVariable", new { name = "joined", value = true })
            .Activity("end", "end")
            .Connect("start", "fork").Connect("fork", "a").Connect("fork", "review")
            .Connect("a", "join").Connect("review", "join", "ok").Chain("join", "after", "end")
            .Load();

        var waiting = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        Assert.Equal(WorkflowStatus.Waiting, waiting.Status);
        Assert.DoesNotContain("after", waiting.Visited);
        Assert.Contains(waiting.Tokens, t => t.ActivityId == "join" && t.Status == TokenStatus.Parked);

        var done = _h.Runner.Resume(definition, waiting, new TaskCompleted("review", "ok"));
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Single(done.Visited, "after");
        Assert.Equal(["start", "fork", "a", "review", "join", "join", "after", "end"], done.Visited);
    }

    [Fact]
    public void A_branch_that_ends_early_does_not_block_the_join()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start").Activity("fork", "fork")
            .Activity("check", "decision", new { condition = new { expression = "input.skip" } })
            .Activity("early", "end")
            .Activity("b", "userTask", Task("ok"))
            .Activity("c", "setVariable", new { name = "c", value = 1 })
            .Activity("join", "join")
            .Activity("after", "setVariable", new { name = "joined", value = true })
            .Activity("end", "end")
            .Connect("start", "fork").Connect("fork", "check").Connect("fork", "b")
            .Connect("check", "early", "true").Connect("check", "c", "false")
            .Connect("c", "join").Connect("b", "join", "ok").Chain("join", "after", "end")
            .Load();

        // The early branch ends before the task branch arrives.
        var waiting = _h.Runner.Start(definition, WorkflowHarness.Data("""{"skip": true}"""), WorkflowHarness.Case());
        Assert.Equal(WorkflowStatus.Waiting, waiting.Status);
        var done = _h.Runner.Resume(definition, waiting, new TaskCompleted("b", "ok"));
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Single(done.Visited, "after");
        Assert.DoesNotContain("c", done.Visited);
    }

    [Fact]
    public void A_branch_that_ends_after_the_other_arrived_releases_the_join()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start").Activity("fork", "fork")
            .Activity("a", "setVariable", new { name = "a", value = 1 })
            .Activity("b", "userTask", Task("drop", "keep"))
            .Activity("dropped", "end")
            .Activity("join", "join")
            .Activity("after", "setVariable", new { name = "joined", value = true })
            .Activity("end", "end")
            .Connect("start", "fork").Connect("fork", "a").Connect("fork", "b")
            .Connect("a", "join").Connect("b", "join", "keep").Connect("b", "dropped", "drop")
            .Chain("join", "after", "end")
            .Load();

        var waiting = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        var done = _h.Runner.Resume(definition, waiting, new TaskCompleted("b", "drop"));
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Single(done.Visited, "after");
        Assert.Empty(done.Scopes);
    }

    [Fact]
    public void Nested_forks_join_inside_out()
    {
        // outer fork: [inner fork: x1, x2 → inner join] and y (a task) → outer join
        var definition = new FlowBuilder()
            .Activity("start", "start").Activity("outer", "fork").Activity("inner", "fork")
            .Activity("x1", "userTask", Task("ok")).Activity("x2", "userTask", Task("ok"))
            .Activity("innerJoin", "join")
            .Activity("innerDone", "setVariable", new { name = "innerDone", value = new { expression = "(variables.innerDone || 0) + 1" } })
            .Activity("y", "userTask", Task("ok"))
            .Activity("outerJoin", "join")
            .Activity("outerDone", "setVariable", new { name = "outerDone", value = new { expression = "(variables.outerDone || 0) + 1" } })
            .Activity("end", "end")
            .Connect("start", "outer").Connect("outer", "inner").Connect("outer", "y")
            .Connect("inner", "x1").Connect("inner", "x2")
            .Connect("x1", "innerJoin", "ok").Connect("x2", "innerJoin", "ok")
            .Chain("innerJoin", "innerDone", "outerJoin")
            .Connect("y", "outerJoin", "ok").Chain("outerJoin", "outerDone", "end")
            .Load();

        var i = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        Assert.Equal(3, i.Bookmarks.Count);

        i = _h.Runner.Resume(definition, i, new TaskCompleted("y", "ok"));
        Assert.DoesNotContain("outerDone", i.Visited); // y is parked; the inner fork is still open
        i = _h.Runner.Resume(definition, i, new TaskCompleted("x1", "ok"));
        Assert.DoesNotContain("innerDone", i.Visited);
        i = _h.Runner.Resume(definition, i, new TaskCompleted("x2", "ok"));

        Assert.Equal(WorkflowStatus.Finished, i.Status);
        Assert.Equal("1", i.Variables["innerDone"]!.ToJsonString());
        Assert.Equal("1", i.Variables["outerDone"]!.ToJsonString());
        Assert.Empty(i.Scopes);
    }

    [Fact]
    public void Join_any_goes_on_with_the_first_branch_and_cancels_the_others_bookmarks()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start").Activity("fork", "fork")
            .Activity("phone", "userTask", Task("reached"))
            .Activity("visit", "userTask", Task("reached"))
            .Activity("wait", "waitForEvent", new { @event = "replied" })
            .Activity("join", "join", new { mode = "any" })
            .Activity("after", "setVariable", new { name = "contacted", value = true })
            .Activity("end", "end")
            .Connect("start", "fork").Connect("fork", "phone").Connect("fork", "visit").Connect("fork", "wait")
            .Connect("phone", "join", "reached").Connect("visit", "join", "reached").Connect("wait", "join")
            .Chain("join", "after", "end")
            .Load();

        var waiting = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        Assert.Equal(3, waiting.Bookmarks.Count);

        var done = _h.Runner.Resume(definition, waiting, new TaskCompleted("visit", "reached"));
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Empty(done.Bookmarks);
        Assert.Single(done.Visited, "after");
        Assert.Equal(2, done.Timeline.Count(e => e.Event == "cancelled"));

        // The cancelled branches' bookmarks are gone: completing one is rejected.
        var ex = Assert.Throws<WorkflowStimulusException>(() => _h.Runner.Resume(definition, done, new TaskCompleted("phone", "reached")));
        Assert.Contains("finished", ex.Message);
    }

    [Fact]
    public void Join_any_cancels_a_nested_fork_still_running_in_a_losing_branch()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start").Activity("fork", "fork")
            .Activity("fast", "setVariable", new { name = "fast", value = true })
            .Activity("slow", "fork")
            .Activity("s1", "userTask", Task("ok")).Activity("s2", "userTask", Task("ok"))
            .Activity("slowJoin", "join")
            .Activity("any", "join", new { mode = "any" })
            .Activity("end", "end")
            .Connect("start", "fork").Connect("fork", "slow").Connect("fork", "fast")
            .Connect("slow", "s1").Connect("slow", "s2")
            .Connect("s1", "slowJoin", "ok").Connect("s2", "slowJoin", "ok").Connect("slowJoin", "any")
            .Connect("fast", "any").Connect("any", "end")
            .Load();

        var done = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());

        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Empty(done.Bookmarks);
        Assert.Empty(done.Scopes);
        Assert.DoesNotContain("slowJoin", done.Visited);
    }

    [Fact]
    public void A_loop_through_a_fork_joins_each_round_separately()
    {
        var definition = new FlowBuilder()
            .Variable("rounds", 0)
            .Activity("start", "start").Activity("fork", "fork")
            .Activity("a", "userTask", Task("ok"))
            .Activity("b", "setVariable", new { name = "b", value = new { expression = "(variables.b || 0) + 1" } })
            .Activity("join", "join")
            .Activity("count", "setVariable", new { name = "rounds", value = new { expression = "variables.rounds + 1" } })
            .Activity("again", "decision", new { condition = new { expression = "variables.rounds < 3" } })
            .Activity("end", "end")
            .Connect("start", "fork").Connect("fork", "a").Connect("fork", "b")
            .Connect("a", "join", "ok").Connect("b", "join").Chain("join", "count", "again")
            .Connect("again", "fork", "true").Connect("again", "end", "false")
            .Load();

        var i = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        for (var round = 1; round <= 3; round++)
        {
            Assert.Equal(WorkflowStatus.Waiting, i.Status);
            Assert.Single(i.Bookmarks);
            Assert.Equal((round - 1).ToString(), i.Variables["rounds"]!.ToJsonString());
            i = _h.Runner.Resume(definition, i, new TaskCompleted("a", "ok"));
        }
        Assert.Equal(WorkflowStatus.Finished, i.Status);
        Assert.Equal("3", i.Variables["rounds"]!.ToJsonString());
        Assert.Equal("3", i.Variables["b"]!.ToJsonString());
        Assert.Empty(i.Scopes);
    }

    [Fact]
    public void Terminating_end_cancels_the_other_branches()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start").Activity("fork", "fork")
            .Activity("task", "userTask", Task("ok"))
            .Activity("stop", "end", new { terminate = true })
            .Activity("join", "join").Activity("end", "end")
            .Connect("start", "fork").Connect("fork", "task").Connect("fork", "stop")
            .Connect("task", "join", "ok").Connect("join", "end")
            .Load();

        var done = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());

        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Empty(done.Bookmarks);
        Assert.Empty(done.Tokens);
    }

    [Fact]
    public void Branches_stuck_at_different_joins_fault_at_run_time_when_the_validator_was_bypassed()
    {
        // Parse checks only the schema, so this structure reaches the runner; it must fault, not hang or finish.
        var json = new FlowBuilder()
            .Activity("start", "start").Activity("fork", "fork")
            .Activity("j1", "join").Activity("j2", "join").Activity("end", "end")
            .Connect("start", "fork").Connect("fork", "j1").Connect("fork", "j2")
            .Connect("j1", "end").Connect("j2", "end")
            .Json();
        var definition = WorkflowDefinitionLoader.Parse(json);

        var instance = _h.Runner.Start(definition);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Contains("fork 'fork'", incident.Message);
        Assert.Contains("j1, j2", incident.Message);
    }
}
