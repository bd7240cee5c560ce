using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

/// <summary>Stimuli that do not fit get a clear error and leave the instance exactly as it was.</summary>
public class StimulusErrorTests
{
    private readonly WorkflowHarness _h = new();

    private static WorkflowDefinition TwoTasks() => new FlowBuilder()
        .Activity("start", "start")
        .Activity("first", "userTask", new { assignTo = new { role = "reviewer" }, outcomes = new[] { "ok" } })
        .Activity("second", "userTask", new { assignTo = new { role = "reviewer" }, outcomes = new[] { "ok" } })
        .Activity("end", "end")
        .Connect("start", "first").Connect("first", "second", "ok").Connect("second", "end", "ok")
        .Load();

    private void AssertRejected(WorkflowDefinition definition, WorkflowInstance instance, Stimulus stimulus, string expected)
    {
        var before = instance.ToJson();
        var ex = Assert.Throws<WorkflowStimulusException>(() => _h.Runner.Resume(definition, instance, stimulus));
        Assert.Contains(expected, ex.Message);
        Assert.Equal(before, instance.ToJson());
    }

    [Fact]
    public void A_bookmark_that_does_not_exist()
    {
        var definition = TwoTasks();
        var i = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        AssertRejected(definition, i, new TaskCompleted("b999", "ok"), "no open task bookmark or activity 'b999'");
    }

    [Fact]
    public void A_bookmark_that_was_already_consumed()
    {
        var definition = TwoTasks();
        var i = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        var firstBookmark = i.Bookmarks[0].Id;
        i = _h.Runner.Resume(definition, i, new TaskCompleted(firstBookmark, "ok"));
        AssertRejected(definition, i, new TaskCompleted(firstBookmark, "ok"), "may not exist or was already completed");
    }

    [Fact]
    public void A_stimulus_of_the_wrong_kind_for_the_bookmark()
    {
        var definition = TwoTasks();
        var i = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        AssertRejected(definition, i, new ApplicantResubmitted([], i.Bookmarks[0].Id), "is a userTask step; an applicant resubmission does not resume it");
        AssertRejected(definition, i, new ApplicantResubmitted([]), "is not waiting for the applicant to resubmit");
        AssertRejected(definition, i, new EventReceived("anything"), "waits for event 'anything'");
        AssertRejected(definition, i, new TimerDue(i.Bookmarks[0].Id), "has no due time");
    }

    [Fact]
    public void A_finished_or_faulted_instance_takes_no_stimuli_and_a_definition_mismatch_is_refused()
    {
        var definition = TwoTasks();
        var i = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        i = _h.Runner.Resume(definition, i, new TaskCompleted("first", "ok"));
        i = _h.Runner.Resume(definition, i, new TaskCompleted("second", "ok"));
        AssertRejected(definition, i, new ClockAdvanced(), "has finished");

        var other = new FlowBuilder("other").Activity("start", "start").Activity("end", "end").Connect("start", "end").Load();
        var ex = Assert.Throws<WorkflowStimulusException>(() => _h.Runner.Resume(other, i, new ClockAdvanced()));
        Assert.Contains("runs definition 'test-flow' version 1, not 'other' version 1", ex.Message);

        var faulting = new FlowBuilder().Activity("start", "start").Activity("bad", "setVariable", new { name = "x", value = new { expression = "input.a.b" } })
            .Activity("end", "end").Chain("start", "bad", "end").Load();
        var faulted = _h.Runner.Start(faulting);
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        AssertRejected(faulting, faulted, new ClockAdvanced(), "is faulted at activity 'bad'");
        var noFault = Assert.Throws<WorkflowStimulusException>(() => _h.Runner.Retry(definition, i));
        Assert.Contains("has no fault to retry", noFault.Message);
    }
}
