using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Cases;

/// <summary>
/// The inbox's filters and pages; claiming, releasing and reassigning a task; a colleague standing in during an
/// absence; revealing personal data only with a reason. The join review task of a 华兴 worker is at 华兴 for the
/// reviewer role: 张敏 (reviewer at 华兴) and 赵丽 (district-reviewer at 东城区) may both work it.
/// </summary>
public abstract class TaskClaimTests(CaseServer server)
{
    private async Task<(long CaseId, long TaskId)> JoinTaskAsync()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var task = await CaseServer.InboxTaskAsync(await Api.CookieClientAsync(server, "reviewer"), caseId);
        return (caseId, task["id"]!.GetValue<long>());
    }

    private static async Task<JsonObject> InboxItemAsync(HttpClient client, long taskId, string query = "") =>
        (await Api.AllPagesAsync(client, "/api/tasks" + query)).Single(t => t["id"]!.GetValue<long>() == taskId);

    private async Task<string> AccountIdAsync(string userName)
    {
        await using var db = server.OpenDb();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task Of_two_claims_at_once_exactly_one_wins_and_the_other_names_the_holder()
    {
        var zhang = await Api.CookieClientAsync(server, "reviewer");
        var zhao = await Api.CookieClientAsync(server, "district-reviewer");
        for (var round = 0; round < 5; round++)
        {
            var (_, taskId) = await JoinTaskAsync();
            var answers = await Task.WhenAll(zhang.PostAsync($"/api/tasks/{taskId}/claim", null), zhao.PostAsync($"/api/tasks/{taskId}/claim", null));
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            var lost = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
            var winner = answers[0].StatusCode == HttpStatusCode.OK ? "张敏" : "赵丽";
            Assert.Contains(winner, (await Api.ProblemAsync(lost, HttpStatusCode.Conflict))["detail"]!.GetValue<string>());
            await using var db = server.OpenDb();
            var holder = await db.CaseTasks.Where(t => t.Id == taskId).Select(t => t.ClaimedBy).SingleAsync();
            Assert.Equal(await AccountIdAsync(winner == "张敏" ? "reviewer" : "district-reviewer"), holder);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "task.claimed" && a.Target == $"task:{taskId}"));
        }
    }

    [Fact]
    public async Task A_claimed_task_is_handled_only_by_its_claimer_and_others_see_who_holds_it()
    {
        var (_, taskId) = await JoinTaskAsync();
        var zhang = await Api.CookieClientAsync(server, "reviewer");
        var zhao = await Api.CookieClientAsync(server, "district-reviewer");
        Assert.Equal("张敏", (await Api.JsonAsync(await zhang.PostAsync($"/api/tasks/{taskId}/claim", null)))["claim"]!["by"]!["displayName"]!.GetValue<string>());

        Assert.Equal("张敏", (await InboxItemAsync(zhao, taskId))["claim"]!["by"]!["displayName"]!.GetValue<string>());
        Assert.Contains("张敏", (await Api.ProblemAsync(await zhao.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" }), HttpStatusCode.Conflict))["detail"]!.GetValue<string>());
        await Api.ProblemAsync(await zhao.PostAsync($"/api/tasks/{taskId}/release", null), HttpStatusCode.Conflict);
        Assert.Contains(await Api.AllPagesAsync(zhao, "/api/tasks?claim=others"), t => t["id"]!.GetValue<long>() == taskId);
        Assert.DoesNotContain(await Api.AllPagesAsync(zhao, "/api/tasks?claim=unclaimed"), t => t["id"]!.GetValue<long>() == taskId);
        Assert.Contains(await Api.AllPagesAsync(zhang, "/api/tasks?claim=mine"), t => t["id"]!.GetValue<long>() == taskId);

        Assert.Null((await Api.JsonAsync(await zhang.PostAsync($"/api/tasks/{taskId}/release", null)))["claim"]);
        Assert.Contains(await Api.AllPagesAsync(zhao, "/api/tasks?claim=unclaimed"), t => t["id"]!.GetValue<long>() == taskId);
        await Api.JsonAsync(await zhao.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" }));
    }

    [Fact]
    public async Task A_task_is_reassigned_only_to_a_holder_of_its_steps_role_at_its_org_or_above()
    {
        await TestAccounts.EnsureAsync(server, "claims-xihu-reviewer", Roles.Reviewer, "西湖区总工会");
        var (_, taskId) = await JoinTaskAsync();
        var zhang = await Api.CookieClientAsync(server, "reviewer");

        foreach (var stranger in new[] { "worker", "lawyer", "claims-xihu-reviewer" })
        {
            var refused = await Api.ProblemAsync(await zhang.PostAsJsonAsync($"/api/tasks/{taskId}/reassign", new { accountId = await AccountIdAsync(stranger) }),
                HttpStatusCode.UnprocessableEntity);
            Assert.Equal("accountId", refused["field"]!.GetValue<string>());
            Assert.Contains("'reviewer'", refused["detail"]!.GetValue<string>());
        }
        var assignees = await Api.AllPagesAsync(zhang, $"/api/tasks/{taskId}/assignees");
        Assert.Equal(["张敏", "赵丽"], assignees.Select(a => a["displayName"]!.GetValue<string>()).Order().ToList());

        var moved = await Api.JsonAsync(await zhang.PostAsJsonAsync($"/api/tasks/{taskId}/reassign", new { accountId = await AccountIdAsync("district-reviewer") }));
        Assert.Equal("赵丽", moved["claim"]!["by"]!["displayName"]!.GetValue<string>());
        // Now 赵丽 holds it: 张敏 may no longer complete or move it.
        await Api.ProblemAsync(await zhang.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" }), HttpStatusCode.Conflict);
        await Api.ProblemAsync(await zhang.PostAsJsonAsync($"/api/tasks/{taskId}/reassign", new { accountId = await AccountIdAsync("reviewer") }), HttpStatusCode.Conflict);
        await using var db = server.OpenDb();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "task.reassigned" && a.Target == $"task:{taskId}"));
    }

    [Fact]
    public async Task A_colleague_handles_an_absent_reviewers_tasks_only_during_the_absence()
    {
        await TestAccounts.EnsureAsync(server, "claims-stand-in", Roles.Expert, "华兴电子有限公司工会");
        var (_, taskId) = await JoinTaskAsync();
        var zhang = await Api.CookieClientAsync(server, "reviewer");
        await Api.JsonAsync(await zhang.PostAsync($"/api/tasks/{taskId}/claim", null));
        var standIn = await Api.CookieClientAsync(server, "claims-stand-in");
        Assert.DoesNotContain(await Api.AllPagesAsync(standIn, "/api/tasks"), t => t["id"]!.GetValue<long>() == taskId);

        var now = server.Clock.GetUtcNow();
        var set = await Api.JsonAsync(await zhang.PutAsJsonAsync("/api/me/delegation",
            new { toAccountId = await AccountIdAsync("claims-stand-in"), from = now.AddHours(1), until = now.AddDays(2) }));
        Assert.False(set["given"]!["active"]!.GetValue<bool>());
        // Not yet: the absence starts in an hour.
        Assert.DoesNotContain(await Api.AllPagesAsync(standIn, "/api/tasks"), t => t["id"]!.GetValue<long>() == taskId);

        server.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            standIn = await Api.CookieClientAsync(server, "claims-stand-in");
            Assert.Equal("张敏", (await InboxItemAsync(standIn, taskId))["claim"]!["by"]!["displayName"]!.GetValue<string>());
            Assert.Equal("张敏", (await Api.JsonAsync(await standIn.GetAsync("/api/me/delegation")))["standingInFor"]![0]!["person"]!["displayName"]!.GetValue<string>());
            await Api.JsonAsync(await standIn.GetAsync($"/api/tasks/{taskId}"));
            await Api.JsonAsync(await standIn.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" }));
            await using (var db = server.OpenDb())
            {
                Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "delegation.set" && a.Actor == "reviewer"));
                var completed = await db.AuditEntries.SingleAsync(a => a.Action == "task.completed" && a.Target == $"task:{taskId}");
                Assert.Equal("claims-stand-in", completed.Actor);
                Assert.Contains(await AccountIdAsync("reviewer"), completed.Details);
            }

            var (_, later) = await JoinTaskAsync();
            Assert.Contains(await Api.AllPagesAsync(standIn, "/api/tasks"), t => t["id"]!.GetValue<long>() == later);
            server.Clock.Advance(TimeSpan.FromDays(2));
            standIn = await Api.CookieClientAsync(server, "claims-stand-in");
            Assert.DoesNotContain(await Api.AllPagesAsync(standIn, "/api/tasks"), t => t["id"]!.GetValue<long>() == later);
            await Api.ProblemAsync(await standIn.PostAsync($"/api/tasks/{later}/claim", null), HttpStatusCode.NotFound);
        }
        finally
        {
            zhang = await Api.CookieClientAsync(server, "reviewer");
            Assert.Equal(HttpStatusCode.NoContent, (await zhang.DeleteAsync("/api/me/delegation")).StatusCode);
        }
        Assert.Null((await Api.JsonAsync(await zhang.GetAsync("/api/me/delegation")))["given"]);
    }

    [Fact]
    public async Task A_stand_in_must_be_staff_on_my_branch_of_the_tree_and_the_window_must_make_sense()
    {
        await TestAccounts.EnsureAsync(server, "claims-xihu-admin", Roles.Admin, "西湖区总工会");
        var zhang = await Api.CookieClientAsync(server, "reviewer");
        var now = server.Clock.GetUtcNow();
        async Task<string> RefusedFieldAsync(object body) =>
            (await Api.ProblemAsync(await zhang.PutAsJsonAsync("/api/me/delegation", body), HttpStatusCode.UnprocessableEntity))["field"]!.GetValue<string>();
        Assert.Equal("toAccountId", await RefusedFieldAsync(new { toAccountId = await AccountIdAsync("claims-xihu-admin"), from = now, until = now.AddDays(1) }));
        Assert.Equal("toAccountId", await RefusedFieldAsync(new { toAccountId = await AccountIdAsync("worker"), from = now, until = now.AddDays(1) }));
        Assert.Equal("toAccountId", await RefusedFieldAsync(new { toAccountId = await AccountIdAsync("reviewer"), from = now, until = now.AddDays(1) }));
        Assert.Equal("until", await RefusedFieldAsync(new { toAccountId = await AccountIdAsync("district-reviewer"), from = now, until = now.AddHours(-1) }));
        Assert.Equal("until", await RefusedFieldAsync(new { toAccountId = await AccountIdAsync("district-reviewer"), from = now.AddDays(-3), until = now.AddDays(-2) }));
        await Api.ProblemAsync(await (await Api.CookieClientAsync(server, "worker")).PutAsJsonAsync("/api/me/delegation",
            new { toAccountId = await AccountIdAsync("reviewer"), from = now, until = now.AddDays(1) }), HttpStatusCode.Forbidden);
        Assert.Null((await Api.JsonAsync(await zhang.GetAsync("/api/me/delegation")))["given"]);
        var zhao = await Api.CookieClientAsync(server, "district-reviewer");
        var candidates = (await Api.AllPagesAsync(zhao, "/api/me/delegation/candidates")).Select(p => p["displayName"]!.GetValue<string>()).ToList();
        Assert.Contains("张敏", candidates);
        Assert.DoesNotContain("claims-xihu-admin", candidates);
        Assert.DoesNotContain("刘洋", candidates);
        Assert.DoesNotContain("赵丽", candidates);
        // A district reviewer above the union may stand in for the union's reviewer; another district's admin may not.
        var above = (await Api.AllPagesAsync(zhang, "/api/me/delegation/candidates")).Select(p => p["displayName"]!.GetValue<string>()).ToList();
        Assert.Contains("赵丽", above);
        Assert.DoesNotContain("claims-xihu-admin", above);
        Assert.DoesNotContain("刘洋", above);
        await Api.JsonAsync(await zhang.PutAsJsonAsync("/api/me/delegation", new { toAccountId = await AccountIdAsync("district-reviewer"), from = now, until = now.AddDays(1) }));
        Assert.Equal(HttpStatusCode.NoContent, (await zhang.DeleteAsync("/api/me/delegation")).StatusCode);
    }

    [Fact]
    public async Task The_inbox_filters_by_step_service_and_overdue_and_pages_without_repeats()
    {
        var created = new List<long>();
        for (var i = 0; i < 5; i++) created.Add((await JoinTaskAsync()).TaskId);
        var zhao = await Api.CookieClientAsync(server, "district-reviewer");
        var all = (await Api.AllPagesAsync(zhao, "/api/tasks")).Select(t => t["id"]!.GetValue<long>()).ToList();
        Assert.Superset(created.ToHashSet(), all.ToHashSet());
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(all.OrderDescending(), all);

        var walked = new List<long>();
        string? cursor = null;
        do
        {
            var page = await Api.JsonAsync(await zhao.GetAsync("/api/tasks?limit=2" + (cursor is null ? "" : $"&cursor={cursor}")));
            walked.AddRange(page["items"]!.AsArray().Select(t => t!["id"]!.GetValue<long>()));
            cursor = (string?)page["next"];
        } while (cursor is not null);
        Assert.Equal(all, walked);

        var step = (await InboxItemAsync(zhao, created[0]))["activityId"]!.GetValue<string>();
        Assert.Superset(created.ToHashSet(), (await Api.AllPagesAsync(zhao, $"/api/tasks?step={step}")).Select(t => t["id"]!.GetValue<long>()).ToHashSet());
        Assert.Empty(await Api.AllPagesAsync(zhao, "/api/tasks?step=noSuchStep"));
        var join = await CaseServer.ServiceIdAsync(await Api.CookieClientAsync(server, "worker"), "join");
        Assert.Contains(await Api.AllPagesAsync(zhao, $"/api/tasks?serviceId={join}"), t => t["id"]!.GetValue<long>() == created[0]);
        Assert.DoesNotContain(await Api.AllPagesAsync(zhao, $"/api/tasks?serviceId={join + 1000}"), t => t["id"]!.GetValue<long>() == created[0]);
        var overdue = await Api.AllPagesAsync(zhao, "/api/tasks?overdue=true");
        Assert.All(overdue, t => Assert.True(t["overdue"]!.GetValue<bool>()));
        Assert.All(await Api.AllPagesAsync(zhao, "/api/tasks?overdue=false"), t => Assert.False(t["overdue"]!.GetValue<bool>()));
        Assert.Equal("claim", (await Api.ProblemAsync(await zhao.GetAsync("/api/tasks?claim=everyone"), HttpStatusCode.BadRequest))["parameter"]!.GetValue<string>());
        Assert.Equal("cursor", (await Api.ProblemAsync(await zhao.GetAsync("/api/tasks?cursor=-4"), HttpStatusCode.BadRequest))["parameter"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revealing_personal_data_needs_a_reason_which_the_audit_log_keeps()
    {
        var (caseId, _) = await JoinTaskAsync();
        var zhao = await Api.CookieClientAsync(server, "district-reviewer");
        foreach (var body in new object[] { new { fields = new[] { "mobile" } }, new { fields = new[] { "mobile" }, reason = "  " } })
        {
            var refused = await Api.ProblemAsync(await zhao.PostAsJsonAsync($"/api/cases/{caseId}/reveal", body), HttpStatusCode.UnprocessableEntity);
            Assert.Equal("reason", refused["field"]!.GetValue<string>());
        }
        await using (var db = server.OpenDb())
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "case.piiRevealed" && a.Target == $"case:{caseId}"));

        var revealed = await Api.JsonAsync(await zhao.PostAsJsonAsync($"/api/cases/{caseId}/reveal", new { fields = new[] { "mobile" }, reason = "电话联系申请人" }));
        Assert.Equal("13800138000", revealed["values"]!["mobile"]!.GetValue<string>());
        await using (var db = server.OpenDb())
        {
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == "case.piiRevealed" && a.Target == $"case:{caseId}");
            Assert.Contains("电话联系申请人", entry.Details);
            Assert.DoesNotContain("13800138000", entry.Details);
        }
    }
}

public sealed class SqliteTaskClaimTests(SqliteCaseServer server) : TaskClaimTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresTaskClaimTests(PostgresCaseServer server) : TaskClaimTests(server), IClassFixture<PostgresCaseServer>;
