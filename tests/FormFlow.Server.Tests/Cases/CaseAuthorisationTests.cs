using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Cases;

/// <summary>Role × org subtree on cases and tasks: who sees a 东城区 worker's case and task, and that others get 404, never data.</summary>
public abstract class CaseAuthorisationTests(CaseServer server)
{
    /// <summary>user → (sees the case, sees it in GET /api/cases, has the task in the inbox, completing it answers).</summary>
    public static TheoryData<string, bool, bool, bool, HttpStatusCode> Matrix() => new()
    {
        { "worker", true, true, false, HttpStatusCode.Forbidden },
        { "reviewer", true, true, true, HttpStatusCode.OK },
        { "district-admin", true, true, false, HttpStatusCode.Forbidden },
        { "lawyer", true, true, false, HttpStatusCode.Forbidden },
        { "designer", true, true, false, HttpStatusCode.Forbidden },
        { "merchant", false, false, false, HttpStatusCode.NotFound },
        { "xihu-admin", false, false, false, HttpStatusCode.NotFound },
        { "other-worker", false, false, false, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_exactly_its_part(string user, bool seesCase, bool listsCase, bool inInbox, HttpStatusCode completing)
    {
        await EnsureExtraAccountsAsync();
        var worker = await Api.CookieClientAsync(server, "worker");
        var submitted = await CaseServer.SubmitJoinAsync(worker);
        var caseId = submitted["id"]!.GetValue<long>();
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var taskId = (await CaseServer.InboxTaskAsync(reviewer, caseId))["id"]!.GetValue<long>();

        var client = await Api.CookieClientAsync(server, user);
        var get = await client.GetAsync($"/api/cases/{caseId}");
        if (seesCase)
        {
            var view = await Api.JsonAsync(get);
            // Only the applicant reads the resident ID in full.
            Assert.Equal(user == "worker", view["data"]!["residentId"]!.GetValue<string>() == "11010519491231002X");
        }
        else
        {
            var problem = await Api.ProblemAsync(get, HttpStatusCode.NotFound);
            Assert.DoesNotContain("李晓红", problem.ToJsonString());
        }
        var listed = (await Api.AllPagesAsync(client, "/api/cases")).Any(c => c!["id"]!.GetValue<long>() == caseId);
        Assert.Equal(listsCase, listed);
        var inbox = (await Api.AllPagesAsync(client, "/api/tasks")).Any(t => t!["caseId"]!.GetValue<long>() == caseId);
        Assert.Equal(inInbox, inbox);
        if (!inInbox) await Api.ProblemAsync(await client.GetAsync($"/api/tasks/{taskId}"), HttpStatusCode.NotFound);

        var complete = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" });
        if (completing == HttpStatusCode.OK) await Api.JsonAsync(complete);
        else await Api.ProblemAsync(complete, completing);
        var resubmit = await client.PostAsJsonAsync($"/api/cases/{caseId}/resubmit", new { data = await CaseServer.JoinDataAsync(client) });
        Assert.Equal(user switch { "worker" => HttpStatusCode.Conflict, _ when seesCase => HttpStatusCode.Forbidden, _ => HttpStatusCode.NotFound }, resubmit.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_every_case_and_task_endpoint()
    {
        var anonymous = server.CreateClient();
        foreach (var url in new[] { "/api/cases", "/api/cases/1", "/api/tasks", "/api/tasks/1", "/api/notifications", "/api/services/1/draft" })
            await Api.ProblemAsync(await anonymous.GetAsync(url), HttpStatusCode.Unauthorized);
        await Api.ProblemAsync(await anonymous.PostAsJsonAsync("/api/services/1/cases", new { data = new { } }), HttpStatusCode.Unauthorized);
        await Api.ProblemAsync(await anonymous.PostAsJsonAsync("/api/tasks/1/complete", new { outcome = "approve" }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Drafts_are_per_account_and_service()
    {
        await EnsureExtraAccountsAsync();
        var worker = await Api.CookieClientAsync(server, "worker");
        var id = await CaseServer.ServiceIdAsync(worker, "join");
        await Api.JsonAsync(await worker.PutAsJsonAsync($"/api/services/{id}/draft", new { data = new { name = "李" , residentId = "1101" } }));
        var draft = await Api.JsonAsync(await worker.GetAsync($"/api/services/{id}/draft"));
        Assert.Equal("1101", draft["data"]!["residentId"]!.GetValue<string>());
        var other = await Api.CookieClientAsync(server, "other-worker");
        // Another worker of the same district uses the same service and has no draft of their own: the worker's is not theirs.
        Assert.Equal(HttpStatusCode.NoContent, (await other.GetAsync($"/api/services/{id}/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await worker.DeleteAsync($"/api/services/{id}/draft")).StatusCode);
        // No draft (any more) is not an error: 204, no body.
        var none = await worker.GetAsync($"/api/services/{id}/draft");
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        Assert.Empty(await none.Content.ReadAsStringAsync());
    }

    /// <summary>An admin of 西湖区 (another district) and a worker at another 东城区 union.</summary>
    private async Task EnsureExtraAccountsAsync()
    {
        await TestAccounts.EnsureAsync(server, "xihu-admin", Roles.Admin, "西湖区总工会");
        await TestAccounts.EnsureAsync(server, "other-worker", Roles.Worker, "顺达物流有限公司工会");
    }
}

public sealed class SqliteCaseAuthorisationTests(SqliteCaseServer server) : CaseAuthorisationTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresCaseAuthorisationTests(PostgresCaseServer server) : CaseAuthorisationTests(server), IClassFixture<PostgresCaseServer>;
