using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

public class UserTaskTests
{
    private static WorkflowDefinition Review(object task) => new FlowBuilder()
        .Activity("start", "start")
        .Activity("review", "userTask", task)
        .Activity("approved", "end").Activity("rejected", "end")
        .Connect("start", "review").Connect("review", "approved", "approve").Connect("review", "rejected", "reject")
        .Load();

    [Theory]
    [InlineData("applicant", null, "union-1")]
    [InlineData("applicant", "street", "street-1")]
    [InlineData("applicant", "district", "district-1")]
    [InlineData("handling", null, "union-1")]
    public void Assignment_is_resolved_relative_to_the_case(string org, string? level, string expected)
    {
        var h = new WorkflowHarness();
        var definition = Review(new { assignTo = new { role = "reviewer", org, level }, outcomes = new[] { "approve", "reject" } });

        var instance = h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());

        var task = Assert.Single(instance.Bookmarks);
        Assert.Equal(BookmarkKinds.UserTask, task.Kind);
        Assert.Equal("review", task.ActivityId);
        Assert.Equal("reviewer", (string?)task.Payload["assignment"]!["role"]);
        Assert.Equal(expected, (string?)task.Payload["assignment"]!["resolvedOrg"]);
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
    }

    [Fact]
    public void A_named_org_needs_no_resolver_but_an_ancestor_does()
    {
        var h = new WorkflowHarness(configure: o => o with { Orgs = null });
        var named = h.Runner.Start(Review(new { assignTo = new { role = "lawyer", org = "named", orgId = "legal-centre" }, outcomes = new[] { "approve", "reject" } }),
            caseFacts: WorkflowHarness.Case());
        Assert.Equal("legal-centre", (string?)named.Bookmarks[0].Payload["assignment"]!["resolvedOrg"]);

        var ancestor = h.Runner.Start(Review(new { assignTo = new { role = "reviewer", org = "applicant", level = "street" }, outcomes = new[] { "approve", "reject" } }),
            caseFacts: WorkflowHarness.Case());
        Assert.Equal(WorkflowStatus.Faulted, ancestor.Status);
        Assert.Contains("no org resolver", ancestor.Incidents[0].Message);
        Assert.Equal("review", ancestor.Incidents[0].ActivityId);
    }

    [Fact]
    public void Completing_stores_outcome_and_data_and_follows_the_outcome_port()
    {
        var h = new WorkflowHarness();
        var definition = Review(new { assignTo = new { role = "reviewer" }, outcomes = new[] { "approve", "reject" }, formId = "review-form" });
        var waiting = h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        Assert.Equal("review-form", (string?)waiting.Bookmarks[0].Payload["formId"]);

        var done = h.Runner.Resume(definition, waiting, new TaskCompleted(waiting.Bookmarks[0].Id, "reject", WorkflowHarness.Data("""{"comment": "材料不全"}""")) { By = "cadre-3" });

        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Equal("rejected", done.Visited[^1]);
        var result = done.Variables["review"]!;
        Assert.Equal("reject", (string?)result["outcome"]);
        Assert.Equal("材料不全", (string?)result["data"]!["comment"]);
        Assert.Equal("cadre-3", (string?)result["by"]);
        Assert.Contains(done.Timeline, e => e.Event == "taskCompleted" && e.By == "cadre-3" && e.ActivityId == "review");
    }

    [Fact]
    public void An_outcome_the_task_does_not_have_is_rejected_and_changes_nothing()
    {
        var h = new WorkflowHarness();
        var definition = Review(new { assignTo = new { role = "reviewer" }, outcomes = new[] { "approve", "reject" } });
        var waiting = h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        var before = waiting.ToJson();

        var ex = Assert.Throws<WorkflowStimulusException>(() => h.Runner.Resume(definition, waiting, new TaskCompleted("review", "maybe")));

        Assert.Contains("has no outcome 'maybe'; its outcomes are approve, reject", ex.Message);
        Assert.Equal(before, waiting.ToJson());
    }

    [Fact]
    public void Field_permissions_decide_what_a_completion_may_write_into_the_form()
    {
        var h = new WorkflowHarness();
        var definition = Review(new
        {
            assignTo = new { role = "reviewer" },
            outcomes = new[] { "approve", "reject" },
            fieldPermissions = new { idNumber = "hidden", name = "read", phone = "edit", memberNo = "required" },
        });
        var waiting = h.Runner.Start(definition, WorkflowHarness.Data("""{"name": "李四", "phone": "13800000000"}"""), WorkflowHarness.Case());
        Assert.Equal("required", (string?)waiting.Bookmarks[0].Payload["fieldPermissions"]!["memberNo"]);

        var readOnly = Assert.Throws<WorkflowStimulusException>(() => h.Runner.Resume(definition, waiting,
            new TaskCompleted("review", "approve", WorkflowHarness.Data("""{"name": "王五", "memberNo": "M1"}"""))));
        Assert.Contains("field 'name' is read at this step", readOnly.Message);

        var missing = Assert.Throws<WorkflowStimulusException>(() => h.Runner.Resume(definition, waiting,
            new TaskCompleted("review", "approve", WorkflowHarness.Data("""{"phone": "13900000000"}"""))));
        Assert.Contains("field 'memberNo' is required", missing.Message);

        var done = h.Runner.Resume(definition, waiting,
            new TaskCompleted("review", "approve", WorkflowHarness.Data("""{"phone": "13900000000", "memberNo": "M1", "comment": "ok"}""")));
        Assert.Equal("13900000000", (string?)done.Input["phone"]);
        Assert.Equal("M1", (string?)done.Input["memberNo"]);
        Assert.Null(done.Input["comment"]); // not a form field of this step: task data only
        Assert.Equal("ok", (string?)done.Variables["review"]!["data"]!["comment"]);
    }

    // 2026 Spring Festival: 15–23 Feb are holidays; Saturday 14 Feb and Saturday 28 Feb are working days.
    private static WorkflowDefinition Escalating(int days, params int[] remind) => new FlowBuilder()
        .Activity("start", "start")
        .Activity("review", "userTask", new { assignTo = new { role = "reviewer" }, outcomes = new[] { "approve", "reject" }, deadlineDays = days, remindDaysBefore = remind })
        .Activity("toParent", "handOff", new { to = "parent", reason = "overdue" })
        .Activity("districtReview", "userTask", new { assignTo = new { role = "reviewer" }, outcomes = new[] { "approve", "reject" } })
        .Activity("end", "end")
        .Connect("start", "review").Connect("review", "end", "approve").Connect("review", "end", "reject")
        .Connect("review", "toParent", "escalate").Connect("toParent", "districtReview")
        .Connect("districtReview", "end", "approve").Connect("districtReview", "end", "reject")
        .Load();

    [Fact]
    public void A_deadline_across_the_Spring_Festival_escalates_on_the_right_day()
    {
        var h = new WorkflowHarness(new DateTimeOffset(2026, 2, 12, 10, 0, 0, TimeSpan.FromHours(8))); // Thursday
        var definition = Escalating(5);
        var i = h.Runner.Start(definition, caseFacts: WorkflowHarness.Case("union-1"));

        // 13 Feb (Fri), 14 Feb (working Saturday), 24, 25, 26 Feb: the deadline is Thursday 26 Feb.
        Assert.Equal("2026-02-26", (string?)i.Bookmarks[0].Payload["deadline"]);

        foreach (var day in new[] { 20, 24, 26 })
        {
            h.SetLocal(2026, 2, day, 23);
            i = h.Runner.Resume(definition, i, new ClockAdvanced());
            Assert.Equal("review", Assert.Single(i.Bookmarks).ActivityId);
        }

        h.SetLocal(2026, 2, 27, 0);
        i = h.Runner.Resume(definition, i, new ClockAdvanced());

        var task = Assert.Single(i.Bookmarks);
        Assert.Equal("districtReview", task.ActivityId);
        Assert.Equal("street-1", (string?)i.Case["org"]); // handed to the parent org
        Assert.Equal("street-1", (string?)task.Payload["assignment"]!["resolvedOrg"]);
        Assert.Contains(i.Timeline, e => e.Event == "escalated" && e.ActivityId == "review");
        Assert.Contains(i.Outbox, o => o.Kind == "handOff" && (string?)o.Payload["to"] == "street-1");
        Assert.Equal("escalate", (string?)i.Variables["review"]!["outcome"]);
    }

    [Fact]
    public void Fifteen_working_days_from_10_February_2026_end_on_9_March()
    {
        var h = new WorkflowHarness(new DateTimeOffset(2026, 2, 10, 15, 0, 0, TimeSpan.FromHours(8)));
        var i = h.Runner.Start(Escalating(15), caseFacts: WorkflowHarness.Case());
        Assert.Equal("2026-03-09", (string?)i.Bookmarks[0].Payload["deadline"]);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(8)), i.Bookmarks[0].DueAt);
    }

    [Fact]
    public void Reminders_go_out_once_on_their_working_days_before_the_deadline()
    {
        var h = new WorkflowHarness(new DateTimeOffset(2026, 2, 12, 10, 0, 0, TimeSpan.FromHours(8)));
        var definition = Escalating(5, 1, 2);
        var i = h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());

        // Deadline 26 Feb; 2 working days before is 24 Feb (the 23rd is still a holiday), 1 day before is 25 Feb.
        h.SetLocal(2026, 2, 23, 23);
        i = h.Runner.Resume(definition, i, new ClockAdvanced());
        Assert.DoesNotContain(i.Outbox, o => o.Kind == "notify");

        h.SetLocal(2026, 2, 24, 8);
        i = h.Runner.Resume(definition, i, new ClockAdvanced());
        i = h.Runner.Resume(definition, i, new ClockAdvanced()); // advancing again sends nothing new
        var first = Assert.Single(i.Outbox, o => o.Kind == "notify");
        Assert.Equal("taskReminder", (string?)first.Payload["template"]);
        Assert.Equal("reviewer@union-1", (string?)first.Payload["recipient"]);
        Assert.Equal("2", first.Payload["data"]!["daysBefore"]!.ToJsonString());

        h.SetLocal(2026, 2, 25, 8);
        i = h.Runner.Resume(definition, i, new ClockAdvanced());
        Assert.Equal(2, i.Outbox.Count(o => o.Kind == "notify"));
        Assert.Equal(2, i.Timeline.Count(e => e.Event == "reminderSent"));
        Assert.Equal("review", Assert.Single(i.Bookmarks).ActivityId);
    }

    [Fact]
    public void Without_an_escalate_connection_an_overdue_task_is_marked_and_keeps_waiting()
    {
        var h = new WorkflowHarness(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8))); // Monday
        var definition = Review(new { assignTo = new { role = "reviewer" }, outcomes = new[] { "approve", "reject" }, deadlineDays = 2 });
        var i = h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());

        h.SetLocal(2026, 3, 5);
        i = h.Runner.Resume(definition, i, new ClockAdvanced());

        var task = Assert.Single(i.Bookmarks);
        Assert.Equal(true, (bool?)task.Payload["overdue"]);
        Assert.Null(task.DueAt);
        Assert.Single(i.Timeline, e => e.Event == "overdue");
        Assert.Equal(WorkflowStatus.Finished, h.Runner.Resume(definition, i, new TaskCompleted("review", "approve")).Status);
    }

    [Fact]
    public void A_timer_due_stimulus_before_the_due_time_is_rejected()
    {
        var h = new WorkflowHarness(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        var definition = Escalating(3);
        var i = h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        var ex = Assert.Throws<WorkflowStimulusException>(() => h.Runner.Resume(definition, i, new TimerDue(i.Bookmarks[0].Id)));
        Assert.Contains("is not due until 2026-03-06T00:00:00.0000000+08:00", ex.Message);

        h.SetLocal(2026, 3, 6, 0);
        var escalated = h.Runner.Resume(definition, i, new TimerDue(i.Bookmarks[0].Id));
        Assert.Equal("districtReview", escalated.Bookmarks[0].ActivityId);
    }

    [Fact]
    public void Outcomes_and_escalate_port_are_checked_at_load()
    {
        var problems = WorkflowDefinitionLoader.Check(new FlowBuilder()
            .Activity("start", "start")
            .Activity("review", "userTask", new { assignTo = new { role = "reviewer", org = "everywhere" }, outcomes = new[] { "ok", "ok" }, remindDaysBefore = 2, fieldPermissions = new { name = "write" } })
            .Activity("end", "end")
            .Connect("start", "review").Connect("review", "end", "ok").Connect("review", "end", "escalate")
            .Json());
        Assert.Contains(problems, p => p.Message.Contains("outcome 'ok' is listed twice"));
        Assert.Contains(problems, p => p.Message.Contains("assignTo.org must be one of handling, applicant, named"));
        Assert.Contains(problems, p => p.Message.Contains("set deadlineDays too"));
        Assert.Contains(problems, p => p.Message.Contains("field 'name': permission must be one of hidden, read, edit, required"));
        Assert.Contains(problems, p => p.Path == "/connections/2/outcome" && p.Message.Contains("no outcome 'escalate'"));
    }
}
