using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

public class EffectActivitiesTests
{
    private readonly WorkflowHarness _h = new();

    [Fact]
    public void Notify_records_an_outbox_item_with_an_idempotency_key()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start")
            .Activity("tell", "notify", new { channel = "sms", recipient = new { expression = "input.phone" }, template = "joinReceived", data = new { name = "张三" } })
            .Activity("end", "end").Chain("start", "tell", "end").Load();

        var done = _h.Runner.Start(definition, WorkflowHarness.Data("""{"phone": "13800000000"}"""), instanceId: "inst-1");

        var item = Assert.Single(done.Outbox);
        Assert.Equal("notify", item.Kind);
        Assert.Equal("sms", (string?)item.Payload["channel"]);
        Assert.Equal("13800000000", (string?)item.Payload["recipient"]);
        Assert.Equal("joinReceived", (string?)item.Payload["template"]);
        Assert.StartsWith("inst-1:tell:", item.Key);
    }

    [Fact]
    public void Domain_effects_are_issued_once_even_when_the_step_is_retried()
    {
        var calls = 0;
        var http = new RecordingHttp(_ => ++calls == 1 ? throw new HttpRequestException("connection refused") : new WorkflowHttpResponse(200, JsonNode.Parse("""{"ok": true}""")));
        var h = new WorkflowHarness(configure: o => o with { Http = http });
        var definition = new FlowBuilder()
            .Activity("start", "start")
            .Activity("card", "issueMemberCard")
            .Activity("sync", "httpRequest", new { url = "https://registry.example/members", method = "POST", body = new { expression = "input" } })
            .Activity("end", "end").Chain("start", "card", "sync", "end").Load();

        var faulted = h.Runner.Start(definition, WorkflowHarness.Data("""{"name": "张三"}"""), WorkflowHarness.Case(), "inst-2");
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        var incident = Assert.Single(faulted.Incidents);
        Assert.Equal("sync", incident.ActivityId);
        Assert.Contains("POST https://registry.example/members failed: connection refused", incident.Message);

        var retried = h.Runner.Retry(definition, faulted, "admin");
        Assert.Equal(WorkflowStatus.Finished, retried.Status);
        Assert.Single(retried.Outbox, o => o.Kind == "issueMemberCard");
        Assert.NotNull(retried.Incidents[0].ResolvedAt);
        Assert.Equal(2, http.Requests.Count);
        Assert.Equal("张三", (string?)http.Requests[1].Body!["name"]);
        Assert.Equal("200", retried.Variables["sync"]!["status"]!.ToJsonString());
        Assert.Contains(retried.Timeline, e => e.Event == "retried" && e.By == "admin");
    }

    [Fact]
    public void Retrying_the_step_that_issued_a_card_does_not_issue_a_second()
    {
        // The card step itself fails after the card was recorded? It cannot: recording is its last act. So retry a
        // card step that faulted before recording (no org) and check the key is the step's, then re-run it by retry.
        var definition = new FlowBuilder()
            .Activity("start", "start")
            .Activity("card", "issueMemberCard", new { org = new { expression = "caseInfo.org" } })
            .Activity("end", "end").Chain("start", "card", "end").Load();
        var faulted = _h.Runner.Start(definition, caseFacts: new JsonObject { ["id"] = "c" }, instanceId: "inst-3");
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Contains("the case has no applicantOrg", faulted.Incidents[0].Message);

        faulted.Case["org"] = "union-9"; // an operator fixes the case data, then retries
        var done = _h.Runner.Retry(definition, faulted);
        var card = Assert.Single(done.Outbox);
        Assert.Equal("union-9", (string?)card.Payload["org"]);
        Assert.Equal(card.Key, (string?)done.Variables["card"]!["cardKey"]);
    }

    [Fact]
    public void An_http_error_status_is_an_incident_and_the_response_is_kept()
    {
        var h = new WorkflowHarness(configure: o => o with { Http = new RecordingHttp(_ => new WorkflowHttpResponse(503, JsonValue.Create("busy"))) });
        var definition = new FlowBuilder()
            .Activity("start", "start").Activity("call", "httpRequest", new { url = "https://x.example/a" }).Activity("end", "end")
            .Chain("start", "call", "end").Load();
        var faulted = h.Runner.Start(definition);
        Assert.Equal("GET https://x.example/a answered HTTP 503", faulted.Incidents[0].Message);
        Assert.Equal("503", faulted.Variables["call"]!["status"]!.ToJsonString());
        Assert.Contains(faulted.Timeline, e => e.Event == "httpRequest" && e.Detail!["status"]!.ToJsonString() == "503");

        var noHandler = _h.Runner.Start(definition);
        Assert.Contains("no HTTP handler is configured", noHandler.Incidents[0].Message);
    }

    [Fact]
    public void Redemptions_stop_at_the_granted_quota()
    {
        var definition = new FlowBuilder()
            .Variable("visits", 0)
            .Activity("start", "start")
            .Activity("grant", "grantEntitlement", new { benefit = "haircut", quotaPerYear = 2 })
            .Activity("redeem", "recordRedemption", new { benefit = "haircut", merchant = "理发店A" })
            .Activity("count", "setVariable", new { name = "visits", value = new { expression = "variables.visits + 1" } })
            .Activity("more", "decision", new { condition = new { expression = "variables.visits < 5" } })
            .Activity("refused", "end").Activity("end", "end")
            .Chain("start", "grant", "redeem", "count", "more")
            .Connect("more", "redeem", "true").Connect("more", "end", "false").Connect("redeem", "refused", "refused")
            .Load();

        var done = _h.Runner.Start(definition, caseFacts: WorkflowHarness.Case());

        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Equal(2, done.Outbox.Count(o => o.Kind == "recordRedemption"));
        Assert.Equal("refused", done.Visited[^1]);
        Assert.Equal(true, (bool?)done.Variables["redeem"]!["refused"]);
        Assert.Contains(done.Timeline, e => e.Event == "redemptionRefused");
    }

    [Fact]
    public void Uses_recorded_elsewhere_count_against_the_quota()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start")
            .Activity("redeem", "recordRedemption", new { benefit = "carWash", quotaPerYear = 8, usedThisYear = new { expression = "caseInfo.usedThisYear" } })
            .Activity("ok", "end").Activity("refused", "end")
            .Connect("start", "redeem").Connect("redeem", "ok").Connect("redeem", "refused", "refused").Load();

        Assert.Equal("ok", _h.Runner.Start(definition, caseFacts: new JsonObject { ["usedThisYear"] = 7 }).Visited[^1]);
        Assert.Equal("refused", _h.Runner.Start(definition, caseFacts: new JsonObject { ["usedThisYear"] = 8 }).Visited[^1]);
        var noQuota = new FlowBuilder().Activity("start", "start").Activity("redeem", "recordRedemption", new { benefit = "x" })
            .Activity("end", "end").Chain("start", "redeem", "end").Connect("redeem", "end", "refused").Load();
        Assert.Contains("no quota is known for benefit 'x'", _h.Runner.Start(noQuota).Incidents[0].Message);
    }

    [Fact]
    public void ScoreQuiz_scores_single_and_multi_choice_answers()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start")
            .Activity("quiz", "scoreQuiz", new
            {
                correct = new { q1 = "B", q2 = new[] { "A", "C" }, q3 = 42 },
                points = new { q2 = 2 },
                passScore = 3,
            })
            .Activity("end", "end").Chain("start", "quiz", "end").Load();

        var result = _h.Runner.Start(definition, WorkflowHarness.Data("""{"q1": "B", "q2": ["C", "A"], "q3": 41}""")).Variables["quiz"]!;

        Assert.Equal("3", result["score"]!.ToJsonString());
        Assert.Equal("4", result["maxScore"]!.ToJsonString());
        Assert.Equal(true, (bool?)result["passed"]);
        Assert.Equal("""["q3"]""", result["wrong"]!.ToJsonString());
    }

    [Fact]
    public void HandOff_moves_the_case_to_a_named_org_or_an_ancestor_level()
    {
        var toDistrict = new FlowBuilder().Activity("start", "start").Activity("move", "handOff", new { level = "district" })
            .Activity("end", "end").Chain("start", "move", "end").Load();
        Assert.Equal("district-1", (string?)_h.Runner.Start(toDistrict, caseFacts: WorkflowHarness.Case()).Case["org"]);

        var named = new FlowBuilder().Activity("start", "start").Activity("move", "handOff", new { orgId = "legal-centre", reason = "法律咨询" })
            .Activity("end", "end").Chain("start", "move", "end").Load();
        var moved = _h.Runner.Start(named, caseFacts: WorkflowHarness.Case());
        Assert.Equal("legal-centre", (string?)moved.Case["org"]);
        var effect = Assert.Single(moved.Outbox);
        Assert.Equal("union-1", (string?)effect.Payload["from"]);
        Assert.Equal("法律咨询", (string?)effect.Payload["reason"]);

        var problems = WorkflowDefinitionLoader.Check(new FlowBuilder().Activity("start", "start")
            .Activity("move", "handOff", new { to = "grandparent", orgId = "x" }).Activity("end", "end").Chain("start", "move", "end").Json());
        Assert.Contains(problems, p => p.Message.Contains("exactly one of 'to', 'level' and 'orgId'"));
        Assert.Contains(problems, p => p.Message.Contains("to must be \"parent\""));
    }

    [Fact]
    public void HandOff_down_goes_to_the_unit_an_expression_chooses_below_the_handling_org_and_refuses_one_outside_it()
    {
        var definition = new FlowBuilder().Activity("start", "start").Activity("up", "handOff", new { level = "district" })
            .Activity("down", "handOff", new { direction = "down", orgId = new { expression = "input.unionOrg" }, reason = "申请人选择的基层工会" })
            .Activity("end", "end").Chain("start", "up", "down", "end").Load();

        var handed = _h.Runner.Start(definition, WorkflowHarness.Data("""{"unionOrg": "union-1"}"""), WorkflowHarness.Case());
        Assert.Equal(WorkflowStatus.Finished, handed.Status);
        Assert.Equal("union-1", (string?)handed.Case["org"]);
        var entry = handed.Timeline.Single(e => e.Event == "handedDown");
        Assert.Equal(("district-1", "union-1"), ((string?)entry.Detail!["from"], (string?)entry.Detail["to"]));
        Assert.Contains(handed.Timeline, e => e.Event == "handedOff");

        var outside = _h.Runner.Start(definition, WorkflowHarness.Data("""{"unionOrg": "city"}"""), WorkflowHarness.Case(), "inst-outside");
        Assert.Equal(WorkflowStatus.Faulted, outside.Status);
        Assert.Contains("is not below org 'district-1'", Assert.Single(outside.Incidents).Message);

        var problems = WorkflowDefinitionLoader.Check(new FlowBuilder().Activity("start", "start")
            .Activity("move", "handOff", new { direction = "down", level = "street" }).Activity("end", "end").Chain("start", "move", "end").Json());
        Assert.Contains(problems, p => p.Message.Contains("handing down needs orgId"));
    }

    internal sealed class RecordingHttp(Func<WorkflowHttpRequest, WorkflowHttpResponse> answer) : IWorkflowHttpHandler
    {
        public List<WorkflowHttpRequest> Requests { get; } = [];

        public WorkflowHttpResponse Send(WorkflowHttpRequest request)
        {
            Requests.Add(request);
            return answer(request);
        }
    }
}
