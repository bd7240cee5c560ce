using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

public class WaitingActivitiesTests
{
    private readonly WorkflowHarness _h = new();

    private static WorkflowDefinition Single(string type, object inputs) => new FlowBuilder()
        .Activity("start", "start").Activity("step", type, inputs).Activity("end", "end")
        .Chain("start", "step", "end").Load();

    [Fact]
    public void WaitForEvent_resumes_only_on_its_event_and_correlation_and_keeps_the_payload()
    {
        var definition = Single("waitForEvent", new { @event = "payment.received", correlation = new { expression = "caseInfo.id" } });
        var waiting = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        Assert.Equal("case-1", (string?)waiting.Bookmarks[0].Payload["correlation"]);

        var wrongCase = Assert.Throws<WorkflowStimulusException>(() => _h.Runner.Resume(definition, waiting, new EventReceived("payment.received", "case-2")));
        Assert.Contains("waits for event 'payment.received' with correlation 'case-2'", wrongCase.Message);
        Assert.Throws<WorkflowStimulusException>(() => _h.Runner.Resume(definition, waiting, new EventReceived("other", "case-1")));

        var done = _h.Runner.Resume(definition, waiting, new EventReceived("payment.received", "case-1", JsonNode.Parse("""{"amount": 30}""")));
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Equal("30", done.Variables["step"]!["amount"]!.ToJsonString());
    }

    [Fact]
    public void Delay_fires_when_the_clock_passes_its_duration()
    {
        var definition = Single("delay", new { duration = "PT2H" });
        var waiting = _h.Runner.Start(definition);
        Assert.Equal(WorkflowHarness.DefaultStart.AddHours(2), waiting.Bookmarks[0].DueAt);

        _h.Clock.Advance(TimeSpan.FromMinutes(119));
        var still = _h.Runner.Resume(definition, waiting, new ClockAdvanced());
        Assert.Equal(WorkflowStatus.Waiting, still.Status);

        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(WorkflowStatus.Finished, _h.Runner.Resume(definition, still, new ClockAdvanced()).Status);
    }

    [Fact]
    public void Timer_waits_until_its_moment_and_a_past_moment_goes_on_at_once()
    {
        var definition = Single("timer", new { at = "2026-03-05T09:00:00+08:00" });
        var waiting = _h.Runner.Start(definition);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 1, 0, 0, TimeSpan.Zero), waiting.Bookmarks[0].DueAt);
        _h.SetLocal(2026, 3, 5, 9);
        Assert.Equal(WorkflowStatus.Finished, _h.Runner.Resume(definition, waiting, new ClockAdvanced()).Status);

        var past = Single("timer", new { at = "2026-01-01T00:00:00+08:00" });
        Assert.Equal(WorkflowStatus.Finished, _h.Runner.Start(past).Status);

        var interval = Single("timer", new { interval = "P1D" });
        Assert.Equal(_h.Clock.GetUtcNow().AddDays(1), _h.Runner.Start(interval).Bookmarks[0].DueAt);
    }

    [Fact]
    public void RequestInformation_sends_the_case_back_and_resumes_with_the_new_data()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start")
            .Activity("ask", "requestInformation", new { message = "请补充身份证照片", fields = new[] { "idPhoto" } })
            .Activity("check", "decision", new { condition = new { expression = "input.idPhoto != null" } })
            .Activity("end", "end")
            .Connect("start", "ask").Connect("ask", "check").Connect("check", "end", "true").Connect("check", "end", "false")
            .Load();
        var waiting = _h.Runner.Start(definition, WorkflowHarness.Data("""{"name": "赵六"}"""), WorkflowHarness.Case());

        var letter = Assert.Single(waiting.Outbox);
        Assert.Equal("requestInformation", letter.Kind);
        Assert.Equal("worker-7", (string?)letter.Payload["recipient"]);
        Assert.Equal("请补充身份证照片", (string?)letter.Payload["message"]);
        Assert.Equal(BookmarkKinds.RequestInformation, waiting.Bookmarks[0].Kind);

        var incomplete = Assert.Throws<WorkflowStimulusException>(() => _h.Runner.Resume(definition, waiting, new ApplicantResubmitted(WorkflowHarness.Data("""{"name": "赵六"}"""))));
        Assert.Contains("lacks the requested field(s) idPhoto", incomplete.Message);

        var done = _h.Runner.Resume(definition, waiting, new ApplicantResubmitted(WorkflowHarness.Data("""{"name": "赵六", "idPhoto": "file-9"}""")) { By = "worker-7" });
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Equal("file-9", (string?)done.Input["idPhoto"]);
        Assert.Equal("true", done.Tokens.Count == 0 ? "true" : "false");
        Assert.Contains(done.Timeline, e => e.Event == "resubmitted" && e.By == "worker-7");
        Assert.Throws<WorkflowStimulusException>(() => _h.Runner.Resume(definition, done, new ApplicantResubmitted([])));
    }

    [Fact]
    public void OfflineHandling_records_a_checked_record()
    {
        var definition = Single("offlineHandling", new { instructions = "电话联系申请人", results = new[] { "joined", "declined" } });
        var waiting = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        Assert.Equal(BookmarkKinds.OfflineHandling, waiting.Bookmarks[0].Kind);

        var bad = Assert.Throws<WorkflowStimulusException>(() => _h.Runner.Resume(definition, waiting, new TaskCompleted("step", "done",
            WorkflowHarness.Data("""{"result": "maybe", "date": "2026-03-09", "attachments": [42], "colour": "red"}"""))));
        Assert.Contains("/result: 'maybe' is not one of joined, declined", bad.Message);
        Assert.Contains("/date: 2026-03-09 is in the future (today is 2026-03-02)", bad.Message);
        Assert.Contains("/handler: who handled it is required", bad.Message);
        Assert.Contains("/attachments/0", bad.Message);
        Assert.Contains("/colour", bad.Message);

        var done = _h.Runner.Resume(definition, waiting, new TaskCompleted("step", "done", WorkflowHarness.Data("""
            {"result": "joined", "date": "2026-03-02", "handler": "王干事", "notes": "已上门办理", "attachments": ["scan-1", {"name": "表格.pdf"}]}
            """)) { By = "cadre-1" });
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        var record = done.Variables["step"]!;
        Assert.Equal("joined", (string?)record["result"]);
        Assert.Equal("王干事", (string?)record["handler"]);
        Assert.Equal("cadre-1", (string?)record["recordedBy"]);
        Assert.Contains(done.Timeline, e => e.Event == "handledOffline");
    }
    [Fact]
    public void OfflineHandling_shows_its_handler_the_fields_it_may_read_and_refuses_edit_rights()
    {
        var definition = Single("offlineHandling", new { instructions = "电话联系申请人", fieldPermissions = new { name = "read", mobile = "read" } });
        var waiting = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());
        Assert.Equal("read", (string?)waiting.Bookmarks[0].Payload["fieldPermissions"]!["mobile"]);

        var problems = WorkflowDefinitionLoader.Check(new FlowBuilder()
            .Activity("start", "start").Activity("step", "offlineHandling", new { fieldPermissions = new { mobile = "edit" } }).Activity("end", "end")
            .Connect("start", "step").Connect("step", "end").Json());
        Assert.Contains(problems, p => p.Message.Contains("field 'mobile': permission must be one of hidden, read, not \"edit\""));
    }
}
