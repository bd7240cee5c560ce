using System.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Cases;

/// <summary>The join flow through the API: submit, review in the inbox, approve, effects; returns, deadlines and escalation.</summary>
public abstract class CaseFlowTests(CaseServer server)
{
    [Fact]
    public async Task A_worker_submits_the_reviewer_approves_and_the_card_and_welcome_follow()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var submitted = await CaseServer.SubmitJoinAsync(worker);
        var caseId = submitted["id"]!.GetValue<long>();
        Assert.Matches(@"^FF-2026-\d{6}$", submitted["number"]!.GetValue<string>());
        Assert.Equal("running", submitted["status"]!.GetValue<string>());
        var step = Assert.Single(submitted["openSteps"]!.AsArray())!;
        Assert.Equal("审核入会申请", step["title"]!.GetValue<string>());
        Assert.Equal("reviewer", step["assignee"]!["role"]!.GetValue<string>());
        Assert.Equal("华兴电子有限公司工会", step["assignee"]!["orgName"]!.GetValue<string>());
        Assert.NotNull(step["dueAt"]);
        Assert.Equal("李晓红", submitted["data"]!["name"]!.GetValue<string>());

        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var task = await CaseServer.InboxTaskAsync(reviewer, caseId);
        Assert.Equal(submitted["number"]!.GetValue<string>(), task["caseNumber"]!.GetValue<string>());
        Assert.Equal("刘洋", task["applicant"]!["displayName"]!.GetValue<string>());
        var detail = await Api.JsonAsync(await reviewer.GetAsync($"/api/tasks/{task["id"]}"));
        Assert.Equal("read", detail["fieldPermissions"]!["residentId"]!.GetValue<string>());
        Assert.Equal("11010519491231002X", detail["case"]!["data"]!["residentId"]!.GetValue<string>());
        // The reviewer's job is to call the applicant: the step reads the mobile number in full.
        Assert.Equal("13800138000", detail["case"]!["data"]!["mobile"]!.GetValue<string>());
        Assert.Contains("approve", detail["outcomes"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()));

        var completed = await Api.JsonAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { outcome = "approve", data = new { reviewNote = "材料齐全" }, rowVersion = task["rowVersion"]!.GetValue<long>() }));
        Assert.Equal("approve", completed["task"]!["outcome"]!.GetValue<string>());
        Assert.Equal("finished", completed["case"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain((await Api.AllPagesAsync(reviewer, "/api/tasks")), t => t!["caseId"]!.GetValue<long>() == caseId);

        await using (var db = server.OpenDb())
        {
            var card = await db.Outbox.SingleAsync(o => o.CaseId == caseId && o.Kind == "issueMemberCard");
            Assert.Null(card.DoneAt);
            // 东城区's join adds an orientation notice of its own; the city's welcome is the step under test.
            Assert.Equal(1, await db.Outbox.CountAsync(o => o.CaseId == caseId && o.Kind == "notify" && o.ActivityId == "welcome"));
        }
        await server.DispatchAsync();
        await server.DispatchAsync();
        await using (var db = server.OpenDb())
        {
            // The welcome SMS went to the applicant's own mobile number: the applicant's Portal gets it, once.
            var welcome = await db.Outbox.SingleAsync(o => o.CaseId == caseId && o.Kind == "notify" && o.ActivityId == "welcome");
            Assert.NotNull(welcome.DoneAt);
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.CaseId == caseId && n.Template == "joinApproved"));
            var card = await db.Outbox.SingleAsync(o => o.CaseId == caseId && o.Kind == "issueMemberCard");
            Assert.NotNull(card.DoneAt);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "task.completed" && a.Target == $"task:{task["id"]}"));
        }
        var notifications = JsonNode.Parse(await worker.GetStringAsync("/api/notifications"))!["items"]!.AsArray();
        Assert.Contains(notifications, n => n!["caseId"]!.GetValue<long>() == caseId && n["template"]!.GetValue<string>() == "joinApproved");

        var mine = (await Api.AllPagesAsync(worker, "/api/cases?mine=true"));
        Assert.Equal("finished", mine.Single(c => c!["id"]!.GetValue<long>() == caseId)!["status"]!.GetValue<string>());
        var view = await Api.JsonAsync(await worker.GetAsync($"/api/cases/{caseId}"));
        Assert.Contains(view["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "taskCompleted" && e["outcome"]?.GetValue<string>() == "approve" && e["by"]?.GetValue<string>() == "张敏");
    }

    [Fact]
    public async Task A_handler_reads_who_acted_by_display_name_never_by_a_user_name_that_is_a_mobile_number()
    {
        // A worker who registered with a mobile number has it as user name; the review step sees the form's own
        // mobile field, not the account's number, in the timeline or anywhere else.
        await TestAccounts.EnsureAsync(server, "13700001111", "worker", "华兴电子有限公司工会", displayName: "周小梅");
        var worker = await Api.CookieClientAsync(server, "13700001111");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var task = await CaseServer.InboxTaskAsync(reviewer, caseId);
        var seen = await reviewer.GetStringAsync($"/api/tasks/{task["id"]}");
        Assert.DoesNotContain("13700001111", seen);
        var view = JsonNode.Parse(seen)!;
        Assert.Contains(view["case"]!["timeline"]!.AsArray(), e => (string?)e!["kind"] == "started" && (string?)e["by"] == "周小梅");
    }

    [Fact]
    public async Task The_applicant_reads_each_message_titled_and_worded_in_their_language_never_by_its_template_key()
    {
        var (worker, caseId) = await server.ApprovedJoinAsync();
        await server.DispatchAsync();
        await server.DispatchAsync();

        var zh = JsonNode.Parse(await worker.GetStringAsync("/api/notifications"))!["items"]!.AsArray().Where(n => n!["caseId"]!.GetValue<long>() == caseId).ToList();
        var welcome = zh.Single(n => n!["template"]!.GetValue<string>() == "joinApproved")!;
        Assert.Equal("入会申请已通过", welcome["title"]!.GetValue<string>());
        Assert.StartsWith("李晓红，您的入会申请已通过，会员卡号 ", welcome["body"]!.GetValue<string>());
        // 东城区's own orientation notice, from its overlay, is worded too.
        Assert.Contains(zh, n => n!["template"]!.GetValue<string>() == "haidianOrientation" && n["title"]!.GetValue<string>() == "海淀区新会员入会教育");
        Assert.All(zh, n => Assert.DoesNotContain(n!["template"]!.GetValue<string>(), n["title"]!.GetValue<string>() + n["body"]!.GetValue<string>()));

        var en = JsonNode.Parse(await worker.GetStringAsync("/api/notifications?locale=en"))!["items"]!.AsArray();
        Assert.Equal("Welcome to the union", en.Single(n => n!["caseId"]!.GetValue<long>() == caseId && n["template"]!.GetValue<string>() == "joinApproved")!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Returned_for_information_the_applicant_resubmits_and_review_starts_again()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var first = await CaseServer.InboxTaskAsync(reviewer, caseId);
        await Api.JsonAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{first["id"]}/complete", new { outcome = "returnForInformation", comment = "请补充在职证明" }));

        var waiting = await Api.JsonAsync(await worker.GetAsync($"/api/cases/{caseId}"));
        Assert.Equal("waitingForApplicant", waiting["status"]!.GetValue<string>());
        Assert.Equal(["employmentProof"], waiting["requestInformation"]!["fields"]!.AsArray().Select(f => f!.GetValue<string>()));

        // Without the requested proof the step refuses, naming it; nothing changes.
        var missing = await Api.ProblemAsync(await worker.PostAsJsonAsync($"/api/cases/{caseId}/resubmit", new { data = await CaseServer.JoinDataAsync(worker) }), (HttpStatusCode)422);
        Assert.Contains("employmentProof", missing.ToJsonString());
        var data = await CaseServer.JoinDataAsync(worker);
        data["employer"] = "华兴电子有限公司（总部）";
        var proof = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
        data["employmentProof"] = await Api.JsonAsync(await worker.PostAsync("/api/files", TestFiles.Multipart(proof, "在职证明.pdf", "application/pdf")));
        var resubmitted = await Api.JsonAsync(await worker.PostAsJsonAsync($"/api/cases/{caseId}/resubmit", new { data }));
        Assert.Equal("running", resubmitted["status"]!.GetValue<string>());
        Assert.Equal("华兴电子有限公司（总部）", resubmitted["data"]!["employer"]!.GetValue<string>());

        var second = await CaseServer.InboxTaskAsync(reviewer, caseId);
        Assert.NotEqual(first["id"]!.GetValue<long>(), second["id"]!.GetValue<long>());
        // A case that no longer waits for the applicant refuses a resubmission.
        await Api.ProblemAsync(await worker.PostAsJsonAsync($"/api/cases/{caseId}/resubmit", new { data }), HttpStatusCode.Conflict);
        await server.DispatchAsync();
        Assert.Contains(JsonNode.Parse(await worker.GetStringAsync("/api/notifications"))!["items"]!.AsArray(),
            n => n!["caseId"]!.GetValue<long>() == caseId && n["template"]!.GetValue<string>() == "requestInformation");
    }

    [Fact]
    public async Task An_overdue_review_escalates_to_the_street_once_when_the_dispatcher_runs()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        server.Clock.Advance(TimeSpan.FromDays(40));
        for (var i = 0; i < 4; i++) await server.DispatchAsync();
        // Sessions count on the server's clock too: sign in after moving it.
        var admin = await Api.CookieClientAsync(server, "district-admin");

        var view = await Api.JsonAsync(await admin.GetAsync($"/api/cases/{caseId}"));
        var step = Assert.Single(view["openSteps"]!.AsArray())!;
        Assert.Equal("streetReview", step["activityId"]!.GetValue<string>());
        Assert.Equal("和平街道总工会", step["assignee"]!["orgName"]!.GetValue<string>());
        Assert.Contains(view["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "escalated");
        // The grassroots reviewer's task is closed as escalated; the street's task is not in the grassroots inbox.
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        Assert.DoesNotContain((await Api.AllPagesAsync(reviewer, "/api/tasks")), t => t!["caseId"]!.GetValue<long>() == caseId);
        await using var db = server.OpenDb();
        Assert.Equal("escalate", (await db.CaseTasks.SingleAsync(t => t.CaseId == caseId && t.ActivityId == "review")).Outcome);
        Assert.Equal(1, await db.CaseTasks.CountAsync(t => t.CaseId == caseId && t.ActivityId == "streetReview"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "case.timer.fired" && a.Target == $"case:{caseId}"));
        Assert.All(await db.CaseTimers.Where(t => t.CaseId == caseId && t.DueAt <= server.Clock.GetUtcNow().UtcDateTime).ToListAsync(), t => Assert.NotNull(t.FiredAt));
    }

    [Fact]
    public async Task The_street_review_calls_the_applicant_with_the_mobile_shown_and_the_resident_id_masked()
    {
        await TestAccounts.EnsureAsync(server, "street-reviewer", "reviewer", "和平街道总工会");
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        server.Clock.Advance(TimeSpan.FromDays(40));
        for (var i = 0; i < 4; i++) await server.DispatchAsync();
        var street = await Api.CookieClientAsync(server, "street-reviewer");

        var task = await CaseServer.InboxTaskAsync(street, caseId);
        var data = (await Api.JsonAsync(await street.GetAsync($"/api/tasks/{task["id"]}")))["case"]!["data"]!;
        Assert.Equal("13800138000", data["mobile"]!.GetValue<string>());
        Assert.Equal("李晓红", data["name"]!.GetValue<string>());
        Assert.Equal("1101**********002X", data["residentId"]!.GetValue<string>());
    }
}

public sealed class SqliteCaseFlowTests(SqliteCaseServer server) : CaseFlowTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresCaseFlowTests(PostgresCaseServer server) : CaseFlowTests(server), IClassFixture<PostgresCaseServer>;
