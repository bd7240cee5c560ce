using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Training;

/// <summary>
/// A quiz service built in the Studio (a quiz field with its answer key, scored by the workflow, then reviewed): every
/// response a worker and the reviewer receive is walked and none carries the key; the server still scores with it.
/// </summary>
public abstract class QuizKeyLeakTests(CaseServer server)
{
    /// <summary>An option value of q2 (shown to everyone) that is also part of its key.</summary>
    private const string Key = "gloves";

    [Fact]
    public async Task No_response_to_a_participant_carries_a_quiz_answer_key_and_the_server_still_scores_with_it()
    {
        var serviceId = await PublishQuizServiceAsync();
        var worker = await Api.CookieClientAsync(server, "worker");
        var seen = new List<(string What, string Body)>();
        async Task<JsonNode> Read(string what, HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{what}: {(int)response.StatusCode} {body}");
            seen.Add((what, body));
            return JsonNode.Parse(body)!;
        }

        await Read("service list", await worker.GetAsync("/api/services"));
        var view = await Read("service view", await worker.GetAsync($"/api/services/{serviceId}"));
        Assert.Contains("\"type\":\"quiz\"", view["form"]!.ToJsonString());           // the question itself is there
        var answers = new JsonObject { ["q1"] = "b", ["q2"] = new JsonArray("helmet") };
        Assert.Equal(HttpStatusCode.OK, (await worker.PutAsJsonAsync($"/api/services/{serviceId}/draft", new { data = answers })).StatusCode);
        await Read("draft", await worker.GetAsync($"/api/services/{serviceId}/draft"));
        var submitted = await Read("submit answer", await worker.PostAsJsonAsync($"/api/services/{serviceId}/cases", new { data = answers }));
        var caseId = (long)submitted["id"]!;
        await Read("case view", await worker.GetAsync($"/api/cases/{caseId}"));
        await Read("my cases", await worker.GetAsync("/api/cases"));

        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var task = await CaseServer.InboxTaskAsync(reviewer, caseId);
        var taskView = await Read("task view", await reviewer.GetAsync($"/api/tasks/{task["id"]}"));

        foreach (var (what, body) in seen)
        {
            Assert.False(body.Contains("\"answer\""), $"{what} carries a quiz answer: {body}");
            Assert.False(body.Contains($"[\"helmet\",\"{Key}\"]"), $"{what} carries the key of q2: {body}");
        }
        // scored on the server with the key it kept: q1 right (10), q2 wrong (half the choices)
        Assert.Equal("b", (string?)taskView["case"]!["data"]!["q1"]);
        await using var db = server.OpenDb();
        var instance = JsonNode.Parse(db.Cases.Single(c => c.Id == caseId).Instance)!;
        var score = instance["variables"]!["score"]!;
        Assert.Equal(10, (double)score["score"]!);
        Assert.Equal(30, (double)score["maxScore"]!);
    }

    private async Task<int> PublishQuizServiceAsync()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var city = await ModuleLibraryApi.OrgIdAsync(server, "某市总工会");
        var module = await Api.JsonAsync(await designer.PostAsJsonAsync("/api/modules",
            new { moduleKey = "safety-quiz", name = "安全知识测验", category = "other", ownerOrgId = city }));
        var package = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{module["id"]}/draft"));
        var form = package["forms"]![0]!.AsObject();
        form["pages"] = JsonNode.Parse($$"""
            [{ "id": "p", "title": { "zh-CN": "测验" }, "sections": [{ "id": "s", "fields": [
              { "id": "q1", "key": "q1", "type": "quiz", "required": true, "points": 10, "answer": "b",
                "label": { "zh-CN": "发现电线裸露时，正确的做法是？" },
                "options": [{ "value": "a", "label": { "zh-CN": "用手拨开" } }, { "value": "b", "label": { "zh-CN": "设置警示并报告电工" } }] },
              { "id": "q2", "key": "q2", "type": "quiz", "multiple": true, "required": true, "points": 20, "answer": ["helmet", "{{Key}}"],
                "label": { "zh-CN": "进入施工现场必须佩戴？" },
                "options": [{ "value": "helmet", "label": { "zh-CN": "安全帽" } }, { "value": "{{Key}}", "label": { "zh-CN": "防护手套" } },
                  { "value": "sandals", "label": { "zh-CN": "拖鞋" } }] }
            ]}]}]
            """);
        var formId = (string)form["id"]!;
        package["workflow"] = JsonNode.Parse($$"""
            { "id": "safety-quiz", "version": 1, "name": "测验",
              "variables": [{ "name": "score", "type": "object" }],
              "activities": [
                { "id": "start", "type": "start", "inputs": { "trigger": "formSubmission", "formId": "{{formId}}" } },
                { "id": "grade", "type": "scoreQuiz", "inputs": { "correct": { "q1": "b", "q2": ["helmet", "{{Key}}"] },
                  "points": { "q1": 10, "q2": 20 }, "resultVariable": "score" } },
                { "id": "check", "type": "userTask", "inputs": { "title": "核对成绩", "assignTo": { "role": "reviewer", "org": "applicant" },
                  "outcomes": ["approve"], "fieldPermissions": { "q1": "read", "q2": "read" } } },
                { "id": "end", "type": "end" }
              ],
              "connections": [
                { "source": "start", "target": "grade" }, { "source": "grade", "target": "check" },
                { "source": "check", "outcome": "approve", "target": "end" }
              ] }
            """);
        Assert.Equal(HttpStatusCode.OK, (await designer.PutAsJsonAsync($"/api/modules/{module["id"]}/draft", package)).StatusCode);
        var published = await designer.PostAsync($"/api/modules/{module["id"]}/publish", null);
        Assert.True(published.StatusCode == HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var activated = await designer.PostAsJsonAsync($"/api/modules/{module["id"]}/activate", new { orgUnitId = city });
        Assert.True(activated.StatusCode == HttpStatusCode.Created, await activated.Content.ReadAsStringAsync());
        var worker = await Api.CookieClientAsync(server, "worker");
        return await CaseServer.ServiceIdAsync(worker, "safety-quiz");
    }
}

public sealed class SqliteQuizKeyLeakTests(SqliteCaseServer server) : QuizKeyLeakTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresQuizKeyLeakTests(PostgresCaseServer server) : QuizKeyLeakTests(server), IClassFixture<PostgresCaseServer>;
