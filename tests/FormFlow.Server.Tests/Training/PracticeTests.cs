using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Training;

/// <summary>
/// Level-by-level practice: the lock kept on the server, the explanation after each answer, and no key in any
/// practice or contest response before the participant has answered that question.
/// </summary>
public abstract class PracticeTests(CaseServer server)
{
    private async Task<(HttpClient Designer, Dictionary<long, JsonNode> Keys)> BankAsync(string topic, int count)
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        _bank = await TrainingApi.BankAsync(server, designer, "某市总工会", topic, count);
        return (designer, await TrainingApi.KeysAsync(designer, _bank));
    }

    private int _bank;

    private async Task<HttpClient> WorkerAsync(string userName)
    {
        await TestAccounts.EnsureAsync(server, userName, "worker", "华兴电子有限公司工会", displayName: userName);
        return await Api.CookieClientAsync(server, userName);
    }

    private static async Task<JsonObject> StartAsync(HttpClient worker, JsonObject training, int level)
    {
        var started = await worker.PostAsync($"/api/trainings/{training["id"]}/levels/{level}/attempts", null);
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return await Api.JsonAsync(started);
    }

    [Fact]
    public async Task Passing_level_one_unlocks_level_two_and_the_progress_follows_the_worker_to_another_device()
    {
        var (designer, keys) = await BankAsync("闯关", 5);
        var training = await TrainingApi.TrainingAsync(server, designer, "闯关", questions: 3, passPercent: 60);
        var phone = await WorkerAsync("climber");
        var locked = await phone.PostAsync($"/api/trainings/{training["id"]}/levels/2/attempts", null);
        Assert.Contains("rule levelLocked", Api.Text(await Api.ProblemAsync(locked, HttpStatusCode.UnprocessableEntity)));

        var failed = await StartAsync(phone, training, 1);
        await TrainingApi.AnswerAsync(phone, failed, keys, right: 1);
        var failedView = await Api.JsonAsync(await phone.GetAsync($"/api/attempts/{failed["id"]}"));
        Assert.Equal((1, false), ((int)failedView["score"]!, (bool)failedView["passed"]!));   // 1 of 3 is below 60%
        Assert.False((bool)(await Api.JsonAsync(await phone.GetAsync($"/api/trainings/{training["id"]}")))["levels"]![1]!["unlocked"]!);

        var passed = await StartAsync(phone, training, 1);
        await TrainingApi.AnswerAsync(phone, passed, keys, right: 2);
        var passedView = await Api.JsonAsync(await phone.GetAsync($"/api/attempts/{passed["id"]}"));
        Assert.Equal((2, true), ((int)passedView["score"]!, (bool)passedView["passed"]!));

        var desktop = await Api.CookieClientAsync(server, "climber");
        var levels = JsonNode.Parse(await desktop.GetStringAsync($"/api/trainings/{training["id"]}"))!["levels"]!.AsArray();
        Assert.Equal((true, 2, true), ((bool)levels[0]!["passed"]!, (int)levels[0]!["bestScore"]!, (bool)levels[1]!["unlocked"]!));
        await StartAsync(desktop, training, 2);
    }

    [Fact]
    public async Task A_practice_answer_reveals_the_key_and_explanation_of_that_question_only_and_a_second_answer_is_409()
    {
        var (designer, keys) = await BankAsync("解析", 4);
        var training = await TrainingApi.TrainingAsync(server, designer, "解析", questions: 3);
        var worker = await WorkerAsync("learner");
        var attempt = await StartAsync(worker, training, 1);
        var questions = attempt["questions"]!.AsArray().Select(q => (long)q!["id"]!).ToList();

        var feedback = await Api.JsonAsync(await worker.PostAsJsonAsync($"/api/attempts/{attempt["id"]}/answers", new { questionId = questions[0], answer = "C" }));
        Assert.False((bool)feedback["correct"]!);
        Assert.True(JsonNode.DeepEquals(keys[questions[0]], feedback["key"]));
        Assert.EndsWith("的解析", (string?)feedback["explanation"]);
        var again = await worker.PostAsJsonAsync($"/api/attempts/{attempt["id"]}/answers", new { questionId = questions[0], answer = keys[questions[0]] });
        Assert.Contains("rule answered", Api.Text(await Api.ProblemAsync(again, HttpStatusCode.Conflict)));
        var wrongShape = await worker.PostAsJsonAsync($"/api/attempts/{attempt["id"]}/answers", new { questionId = questions[1], answer = "Z" });
        Assert.Equal("answer", (string?)(await Api.ProblemAsync(wrongShape, HttpStatusCode.UnprocessableEntity))["field"]);

        var view = await Api.JsonAsync(await worker.GetAsync($"/api/attempts/{attempt["id"]}"));
        Assert.Equal([$"{questions[0]}"], Revealed(view));
    }

    [Fact]
    public async Task No_practice_or_contest_response_carries_a_key_or_explanation_of_a_question_not_yet_answered()
    {
        var (designer, keys) = await BankAsync("保密", 4);
        var training = await TrainingApi.TrainingAsync(server, designer, "保密", questions: 3);
        var contest = await TrainingApi.ContestAsync(server, designer, "保密", server.Clock.GetUtcNow(), questions: 3);
        var worker = await WorkerAsync("no-peeking");
        var seen = new List<(string What, JsonNode Body)>();
        async Task<JsonObject> Read(string what, Task<HttpResponseMessage> call)
        {
            var body = await Api.JsonAsync(await call);
            seen.Add((what, body));
            return body;
        }
        async Task ReadList(string what, string url) => seen.Add((what, JsonNode.Parse(await worker.GetStringAsync(url))!));

        await ReadList("trainings", "/api/trainings");
        await Read("training", worker.GetAsync($"/api/trainings/{training["id"]}"));
        var practice = await Read("practice start", worker.PostAsync($"/api/trainings/{training["id"]}/levels/1/attempts", null));
        await ReadList("contests", "/api/contests");
        await Read("contest", worker.GetAsync($"/api/contests/{contest["id"]}"));
        var attempt = await Read("contest start", worker.PostAsync($"/api/contests/{contest["id"]}/attempts", null));
        foreach (var q in attempt["questions"]!.AsArray())
            await Read("contest answer", worker.PostAsJsonAsync($"/api/attempts/{attempt["id"]}/answers", new { questionId = (long)q!["id"]!, answer = keys[(long)q["id"]!] }));
        await Read("contest attempt", worker.GetAsync($"/api/attempts/{attempt["id"]}"));
        await Read("contest finish", worker.PostAsync($"/api/attempts/{attempt["id"]}/finish", null));
        await Read("leaderboard", worker.GetAsync($"/api/contests/{contest["id"]}/leaderboard"));
        await Read("union leaderboard", worker.GetAsync($"/api/contests/{contest["id"]}/leaderboard?by=unions"));
        await Read("practice view", worker.GetAsync($"/api/attempts/{practice["id"]}"));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/question-banks/{_bank}/questions")).StatusCode);

        foreach (var (what, body) in seen)
        {
            Assert.True(Revealed(body).Count == 0, $"{what} reveals a key: {body.ToJsonString()}");
            Assert.DoesNotContain("的解析", body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
        // once a practice question is answered, its key is shown, and only its own
        var first = (long)practice["questions"]![0]!["id"]!;
        await Api.JsonAsync(await worker.PostAsJsonAsync($"/api/attempts/{practice["id"]}/answers", new { questionId = first, answer = "C" }));
        Assert.Equal([$"{first}"], Revealed(await Api.JsonAsync(await worker.GetAsync($"/api/attempts/{practice["id"]}"))));
    }

    /// <summary>The questions whose key or explanation a response carries (any object with a non-null key, answer or explanation).</summary>
    private static List<string> Revealed(JsonNode? node)
    {
        var found = new List<string>();
        void Walk(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                if (new[] { "key", "answer", "explanation" }.Any(p => o[p] is not null)) found.Add($"{o["questionId"] ?? o["id"]}");
                foreach (var (_, child) in o) Walk(child);
            }
            else if (n is JsonArray a) foreach (var child in a) Walk(child);
        }
        Walk(node);
        return found;
    }
}

public sealed class SqlitePracticeTests(SqliteCaseServer server) : PracticeTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresPracticeTests(PostgresCaseServer server) : PracticeTests(server), IClassFixture<PostgresCaseServer>;
