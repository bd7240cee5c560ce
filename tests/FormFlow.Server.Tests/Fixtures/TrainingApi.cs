using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>Question banks, trainings and contests as the Studio sets them up, and a participant's answers, through the API.</summary>
public static class TrainingApi
{
    /// <summary>A bank at the org with <paramref name="count"/> single-choice questions of one topic (key A for even, B for odd ones).</summary>
    public static async Task<int> BankAsync(ServerFixture server, HttpClient editor, string orgName, string topic, int count)
    {
        var org = await ModuleLibraryApi.OrgIdAsync(server, orgName);
        var bank = await Api.JsonAsync(await editor.PostAsJsonAsync("/api/question-banks", new { orgUnitId = org, name = $"{topic}题库" }));
        for (var i = 0; i < count; i++)
        {
            var added = await editor.PostAsJsonAsync($"/api/question-banks/{bank["id"]}/questions", new
            {
                type = "single", topic, difficulty = 1 + i % 3, text = $"{topic}第{i + 1}题", options = new[] { "甲", "乙", "丙" },
                answer = i % 2 == 0 ? "A" : "B", explanation = $"{topic}第{i + 1}题的解析",
            });
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        }
        return (int)bank["id"]!;
    }

    /// <summary>A worker of the union (created once), signed in.</summary>
    public static async Task<HttpClient> WorkerAsync(ServerFixture server, string userName, string union = "华兴电子有限公司工会")
    {
        await TestAccounts.EnsureAsync(server, userName, "worker", union, displayName: userName);
        return await Api.CookieClientAsync(server, userName);
    }

    /// <summary>Starts a contest attempt, asserting it is created.</summary>
    public static async Task<JsonObject> StartAsync(HttpClient worker, JsonObject contest)
    {
        var started = await worker.PostAsync($"/api/contests/{contest["id"]}/attempts", null);
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return await Api.JsonAsync(started);
    }

    /// <summary>Question ID → key, as the bank's editor reads it.</summary>
    public static async Task<Dictionary<long, JsonNode>> KeysAsync(HttpClient editor, int bankId) =>
        JsonNode.Parse(await editor.GetStringAsync($"/api/question-banks/{bankId}/questions"))!.AsArray()
            .ToDictionary(q => (long)q!["id"]!, q => q!["answer"]!.DeepClone());

    public static async Task<JsonObject> ContestAsync(ServerFixture server, HttpClient editor, string topic, DateTimeOffset now,
        int questions = 4, int durationSeconds = 300, int attempts = 3, int[]? placePoints = null, TimeSpan? openFor = null, string orgName = "某市总工会") =>
        await Api.JsonAsync(await editor.PostAsJsonAsync("/api/contests", new
        {
            orgUnitId = await ModuleLibraryApi.OrgIdAsync(server, orgName), title = $"{topic}竞赛", topic, questions,
            opensAt = now.AddHours(-1), closesAt = now + (openFor ?? TimeSpan.FromDays(1)), durationSeconds, attemptsAllowed = attempts,
            placePoints = placePoints ?? [30, 20, 10],
        }));

    public static async Task<JsonObject> TrainingAsync(ServerFixture server, HttpClient editor, string topic, int questions = 3, int passPercent = 60,
        string orgName = "某市总工会") =>
        await Api.JsonAsync(await editor.PostAsJsonAsync("/api/trainings", new
        {
            orgUnitId = await ModuleLibraryApi.OrgIdAsync(server, orgName), title = $"{topic}闯关",
            levels = new[]
            {
                new { title = "第一关", topic, questions, passPercent },
                new { title = "第二关", topic, questions, passPercent },
            },
        }));

    /// <summary>Answers each question of the attempt: rightly for the first <paramref name="right"/>, wrongly after.</summary>
    public static async Task<List<JsonObject>> AnswerAsync(HttpClient participant, JsonObject attempt, Dictionary<long, JsonNode> keys, int right)
    {
        var answers = new List<JsonObject>();
        var questions = attempt["questions"]!.AsArray();
        for (var i = 0; i < questions.Count; i++)
        {
            var id = (long)questions[i]!["id"]!;
            var given = i < right ? Right(questions[i]!, keys[id]) : Wrong(questions[i]!, keys[id]);
            answers.Add(await Api.JsonAsync(await participant.PostAsJsonAsync($"/api/attempts/{attempt["id"]}/answers", new { questionId = id, answer = given })));
        }
        return answers;
    }

    /// <summary>The key as a participant gives it: a fill-in question takes one of its accepted texts.</summary>
    public static JsonNode Right(JsonNode question, JsonNode key) =>
        (string?)question["type"] == "fillIn" ? key[0]!.DeepClone() : key.DeepClone();

    /// <summary>A well-formed answer that is not the key.</summary>
    public static JsonNode Wrong(JsonNode question, JsonNode key)
    {
        var values = (string?)question["type"] == "trueFalse" ? ["true", "false"] : question["options"]!.AsArray().Select(o => (string)o!["value"]!).ToList();
        return (string?)question["type"] switch
        {
            "fillIn" => "不知道",
            "multiple" => new JsonArray(values.First(v => !key.AsArray().Any(k => (string?)k == v))),
            _ => values.First(v => v != (string?)key),
        };
    }
}
