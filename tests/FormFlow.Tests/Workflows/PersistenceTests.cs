using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

/// <summary>Instance JSON round trips, resuming "in another process", and determinism.</summary>
public class PersistenceTests
{
    // A join process: review at the grassroots union with a 3-day deadline escalating to the street,
    // in parallel with a wait for the dues payment; then offline handling and a member card.
    private static WorkflowDefinition JoinProcess() => new FlowBuilder("join", 2)
        .Variable("attempts", 0)
        .Activity("start", "start", new { trigger = "formSubmission", formId = "join-form" })
        .Activity("fork", "fork")
        .Activity("review", "userTask", new { assignTo = new { role = "reviewer", org = "applicant" }, outcomes = new[] { "approve", "reject" }, deadlineDays = 3, remindDaysBefore = 1 })
        .Activity("escalate", "handOff", new { to = "parent" })
        .Activity("streetReview", "userTask", new { assignTo = new { role = "reviewer" }, outcomes = new[] { "approve", "reject" } })
        .Activity("dues", "waitForEvent", new { @event = "dues.paid", correlation = new { expression = "caseInfo.id" } })
        .Activity("join", "join")
        .Activity("count", "script", new { script = "variables.attempts = variables.attempts + 1; return variables.attempts * 10;", resultVariable = "score" })
        .Activity("offline", "offlineHandling", new { results = new[] { "joined" } })
        .Activity("card", "issueMemberCard")
        .Activity("tell", "notify", new { channel = "sms", recipient = "worker-7", template = "welcome" })
        .Activity("end", "end")
        .Activity("rejected", "end")
        .Connect("start", "fork").Connect("fork", "review").Connect("fork", "dues")
        .Connect("review", "join", "approve").Connect("review", "rejected", "reject")
        .Connect("review", "escalate", "escalate").Connect("escalate", "streetReview")
        .Connect("streetReview", "join", "approve").Connect("streetReview", "rejected", "reject")
        .Connect("dues", "join")
        .Chain("join", "count", "offline", "card", "tell", "end")
        .Load();

    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Each step: move the clock (local date) or apply a stimulus.</summary>
    private static readonly (DateTimeOffset? Clock, Stimulus? Stimulus)[] Script =
    [
        (new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.FromHours(8)), new ClockAdvanced()),       // reminder day
        (null, new EventReceived("dues.paid", "case-1", JsonNode.Parse("""{"amount": 12}"""))),
        (new DateTimeOffset(2026, 3, 6, 0, 30, 0, TimeSpan.FromHours(8)), new ClockAdvanced()),      // overdue: escalate
        (null, new TaskCompleted("streetReview", "approve", JsonNode.Parse("""{"comment": "同意"}""")!.AsObject()) { By = "street-cadre" }),
        (null, new TaskCompleted("offline", "done", JsonNode.Parse("""{"result": "joined", "date": "2026-03-06", "handler": "王干事"}""")!.AsObject()) { By = "street-cadre" }),
    ];

    private static WorkflowInstance RunAll(WorkflowHarness h, WorkflowDefinition definition, int stopAfter, Func<WorkflowInstance, WorkflowInstance> between)
    {
        h.Clock.SetUtcNow(Monday);
        var instance = h.Runner.Start(definition, JsonNode.Parse("""{"name": "张三", "phone": "13800000000"}""")!.AsObject(), WorkflowHarness.Case(), "case-1-wf", "worker-7");
        for (var i = 0; i < Script.Length; i++)
        {
            if (i == stopAfter) instance = between(instance);
            var (clock, stimulus) = Script[i];
            if (clock is { } at) h.Clock.SetUtcNow(at);
            instance = h.Runner.Resume(definition, instance, stimulus!);
        }
        return instance;
    }

    [Fact]
    public void The_join_process_runs_through_escalation_to_a_member_card()
    {
        var h = new WorkflowHarness();
        var done = RunAll(h, JoinProcess(), -1, i => i);

        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Equal("street-1", (string?)done.Case["org"]);
        Assert.Equal(["notify", "handOff", "issueMemberCard", "notify"], done.Outbox.Select(o => o.Kind));
        Assert.Equal("10", done.Variables["score"]!.ToJsonString());
        Assert.Equal("12", done.Variables["dues"]!["amount"]!.ToJsonString());
        Assert.Equal("street-1", (string?)done.Outbox.Single(o => o.Kind == "issueMemberCard").Payload["org"]);
        // Visited lists executions: a waiting activity appears once, when it starts waiting.
        Assert.Equal(["start", "fork", "review", "dues", "join", "escalate", "streetReview", "join",
            "count", "offline", "card", "tell", "end"], done.Visited);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Saving_to_JSON_mid_flight_and_resuming_elsewhere_gives_the_same_result(int stopAfter)
    {
        var definitionJson = WorkflowDefinitionLoader.ToJson(JoinProcess()).ToJsonString();
        var uninterrupted = RunAll(new WorkflowHarness(), JoinProcess(), -1, i => i);

        // "Another process": a fresh runner and a definition read back from its JSON.
        var other = new WorkflowHarness();
        var resumed = RunAll(other, WorkflowDefinitionLoader.Load(definitionJson), stopAfter, i => WorkflowInstance.FromJson(i.ToJson()));

        Assert.Equal(uninterrupted.ToJson(), resumed.ToJson());
    }

    [Fact]
    public void The_same_stimuli_give_the_same_instance()
    {
        var a = RunAll(new WorkflowHarness(), JoinProcess(), -1, i => i);
        var b = RunAll(new WorkflowHarness(), JoinProcess(), -1, i => i);
        Assert.Equal(a.ToJson(), b.ToJson());
        Assert.Contains("\"status\": \"finished\"".Replace(" ", ""), a.ToJson());
    }

    [Fact]
    public void Instance_JSON_is_camelCase_with_readable_Chinese()
    {
        var h = new WorkflowHarness();
        var instance = h.Runner.Start(JoinProcess(), JsonNode.Parse("""{"name": "张三"}""")!.AsObject(), WorkflowHarness.Case(), "x");
        var json = instance.ToJson();
        Assert.Contains("\"status\":\"waiting\"", json);
        Assert.Contains("\"definitionId\":\"join\"", json);
        Assert.Contains("张三", json);
        Assert.Contains("\"kind\":\"userTask\"", json);
    }
}
