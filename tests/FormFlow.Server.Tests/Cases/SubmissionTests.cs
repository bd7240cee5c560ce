using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Cases;

/// <summary>Submissions: form errors by path, idempotency keys, concurrent completion, and bad input that changes nothing.</summary>
public abstract class SubmissionTests(CaseServer server)
{
    [Fact]
    public async Task Invalid_form_data_is_a_422_naming_each_path_and_rule_and_creates_nothing()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var before = await CountCasesAsync();
        var data = await CaseServer.JoinDataAsync(worker);
        data["residentId"] = "110105194912310021";
        data.Remove("employer");
        data["mobile"] = 12345;
        var response = await worker.PostAsJsonAsync($"/api/services/{await CaseServer.ServiceIdAsync(worker, "join")}/cases", new { data });
        var problem = await Api.ProblemAsync(response, (HttpStatusCode)422);
        var errors = problem["errors"]!.AsArray().Select(e => (Path: e!["path"]!.GetValue<string>(), Rule: e["rule"]!.GetValue<string>())).ToList();
        Assert.Contains(errors, e => e.Path == "/employer" && e.Rule == "required");
        Assert.Contains(errors, e => e.Path == "/mobile" && e.Rule == "type");
        Assert.Contains(errors, e => e.Path == "/residentId");
        Assert.Equal(before, await CountCasesAsync());
    }

    [Fact]
    public async Task A_signature_the_applicant_did_not_upload_is_a_422_at_its_path_and_the_stored_file_facts_win()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var url = $"/api/services/{await CaseServer.ServiceIdAsync(worker, "join")}/cases";
        var before = await CountCasesAsync();
        var someoneElses = await TestFiles.UploadPngAsync(await Api.CookieClientAsync(server, "reviewer"));
        foreach (var signature in new[] { someoneElses, new JsonObject { ["id"] = "0123456789abcdef0123456789abcdef", ["name"] = "x.png" } })
        {
            var problem = await Api.ProblemAsync(await worker.PostAsJsonAsync(url, new { data = CaseServer.JoinData(signature) }), (HttpStatusCode)422);
            var error = Assert.Single(problem["errors"]!.AsArray())!;
            Assert.Equal("/signature", error["path"]!.GetValue<string>());
            Assert.Equal("fileReference", error["rule"]!.GetValue<string>());
        }
        Assert.Equal(before, await CountCasesAsync());

        // The client's claims about the file are replaced by what was stored.
        var own = await TestFiles.UploadPngAsync(worker, "我的签名.png");
        var claimed = (JsonObject)own.DeepClone();
        claimed["size"] = 999999;
        claimed["name"] = "other.png";
        var created = await Api.JsonAsync(await worker.PostAsJsonAsync(url, new { data = CaseServer.JoinData(claimed) }));
        Assert.Equal(own["size"]!.GetValue<long>(), created["data"]!["signature"]!["size"]!.GetValue<long>());
        Assert.Equal("我的签名.png", created["data"]!["signature"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_idempotency_key_gets_the_same_answer_and_no_second_case()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var url = $"/api/services/{await CaseServer.ServiceIdAsync(worker, "join")}/cases";
        var before = await CountCasesAsync();
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Send(JsonObject data)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { data }) };
            request.Headers.Add("Idempotency-Key", key);
            return await worker.SendAsync(request);
        }
        // Five at once, then one more later: one case, six identical answers.
        var signature = await TestFiles.UploadPngAsync(worker);
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Send(CaseServer.JoinData(signature))));
        var later = await Send(CaseServer.JoinData(signature));
        var bodies = new List<string>();
        foreach (var r in responses.Append(later))
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            bodies.Add(await r.Content.ReadAsStringAsync());
        }
        Assert.Single(bodies.Distinct());
        Assert.Equal(before + 1, await CountCasesAsync());
        // The key with different data is refused rather than silently answered with the first case.
        await Api.ProblemAsync(await Send(CaseServer.JoinData(signature, "王小明")), HttpStatusCode.Conflict);
        Assert.Equal(before + 1, await CountCasesAsync());
    }

    [Fact]
    public async Task Two_reviewers_completing_one_task_at_once_one_wins_the_other_gets_409_naming_who()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var first = await Api.CookieClientAsync(server, "reviewer");
        var second = await Api.CookieClientAsync(server, "reviewer");
        var task = await CaseServer.InboxTaskAsync(first, caseId);
        var url = $"/api/tasks/{task["id"]}/complete";
        var answers = await Task.WhenAll(
            first.PostAsJsonAsync(url, new { outcome = "approve" }),
            second.PostAsJsonAsync(url, new { outcome = "reject" }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var loser = await Api.ProblemAsync(answers.Single(a => a.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
        Assert.Contains("completed by reviewer", loser["detail"]!.GetValue<string>());

        await using var db = server.OpenDb();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "task.completed" && a.Target == $"task:{task["id"]}"));
        var c = await db.Cases.SingleAsync(x => x.Id == caseId);
        Assert.Contains(c.Status, new[] { "finished", "rejected" });
    }

    [Fact]
    public async Task A_stale_row_version_is_409_and_the_task_stays_open()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var task = await CaseServer.InboxTaskAsync(reviewer, caseId);
        var problem = await Api.ProblemAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { outcome = "approve", rowVersion = task["rowVersion"]!.GetValue<long>() + 7 }), HttpStatusCode.Conflict);
        Assert.Contains("rowVersion", problem["detail"]!.GetValue<string>());
        Assert.Null((await CaseServer.InboxTaskAsync(reviewer, caseId))["completedAt"]?.GetValue<string>());
    }

    [Fact]
    public async Task Bad_input_gets_4xx_problems_and_changes_nothing()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var task = await CaseServer.InboxTaskAsync(reviewer, caseId);
        var url = $"/api/services/{await CaseServer.ServiceIdAsync(worker, "join")}/cases";
        var before = await CountCasesAsync();

        StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
        Assert.Contains("JSON", Api.Text(await Api.ProblemAsync(await worker.PostAsync(url, Json("{\"data\": {")), HttpStatusCode.BadRequest)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/data", (await Api.ProblemAsync(await worker.PostAsync(url, Json("{\"data\": \"text\"}")), HttpStatusCode.BadRequest))["pointer"]!.GetValue<string>());
        await Api.ProblemAsync(await worker.PostAsync(url, Json("{}")), HttpStatusCode.BadRequest);
        await Api.ProblemAsync(await worker.PostAsJsonAsync("/api/services/987654/cases", new { data = await CaseServer.JoinDataAsync(worker) }), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await worker.GetAsync("/api/cases/987654"), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await reviewer.PostAsJsonAsync("/api/tasks/987654/complete", new { outcome = "approve" }), HttpStatusCode.NotFound);

        var complete = $"/api/tasks/{task["id"]}/complete";
        await Api.ProblemAsync(await reviewer.PostAsync(complete, Json("{\"data\": {}}")), HttpStatusCode.BadRequest);
        await Api.ProblemAsync(await reviewer.PostAsync(complete, Json("{\"outcome\": 5}")), HttpStatusCode.BadRequest);
        var unknown = await Api.ProblemAsync(await reviewer.PostAsJsonAsync(complete, new { outcome = "shrug" }), (HttpStatusCode)422);
        Assert.Contains("approve", unknown.ToJsonString());
        // A field the step may only read cannot be changed by it.
        var readOnly = await Api.ProblemAsync(await reviewer.PostAsJsonAsync(complete, new { outcome = "approve", data = new { residentId = "110105194912310020" } }), (HttpStatusCode)422);
        Assert.Equal("/residentId", readOnly["errors"]![0]!["path"]!.GetValue<string>());

        Assert.Equal(before, await CountCasesAsync());
        var still = await CaseServer.InboxTaskAsync(reviewer, caseId);
        Assert.Equal(task["rowVersion"]!.GetValue<long>(), still["rowVersion"]!.GetValue<long>());
    }

    private async Task<int> CountCasesAsync()
    {
        await using var db = server.OpenDb();
        return await db.Cases.CountAsync();
    }
}

public sealed class SqliteSubmissionTests(SqliteCaseServer server) : SubmissionTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresSubmissionTests(PostgresCaseServer server) : SubmissionTests(server), IClassFixture<PostgresCaseServer>;
