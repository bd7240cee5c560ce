using System.Net;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Training;

/// <summary>The demo's story from a fresh database: the worker passes level 1, unlocks level 2, takes the open contest and sees their rank and their union's.</summary>
public abstract class DemoTrainingTests(ServerFixture server)
{
    [Fact]
    public async Task The_demo_worker_passes_level_one_unlocks_level_two_and_ranks_with_their_union_in_the_open_contest()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var bank = JsonNode.Parse(await designer.GetStringAsync("/api/question-banks"))!.AsArray().Single(b => (string?)b!["name"] == "职工安全生产与劳动合同法题库")!;
        Assert.Equal(61, (int)bank["questions"]!);
        var keys = await TrainingApi.KeysAsync(designer, (int)bank["id"]!);

        var worker = await Api.CookieClientAsync(server, "worker");
        var training = JsonNode.Parse(await worker.GetStringAsync("/api/trainings"))!.AsArray().Single()!.AsObject();
        Assert.Equal([true, false], training["levels"]!.AsArray().Select(l => (bool)l!["unlocked"]!));
        var level1 = await Api.JsonAsync(await worker.PostAsync($"/api/trainings/{training["id"]}/levels/1/attempts", null));
        var feedback = await TrainingApi.AnswerAsync(worker, level1, keys, right: 5);
        Assert.All(feedback, f => Assert.False(string.IsNullOrEmpty((string?)f["explanation"])));
        var after = await Api.JsonAsync(await worker.GetAsync($"/api/trainings/{training["id"]}"));
        Assert.Equal([true, true], after["levels"]!.AsArray().Select(l => (bool)l!["unlocked"]!));

        var contest = JsonNode.Parse(await worker.GetStringAsync("/api/contests"))!.AsArray().Single()!.AsObject();
        Assert.True((bool)contest["open"]!);
        var attempt = await Api.JsonAsync(await worker.PostAsync($"/api/contests/{contest["id"]}/attempts", null));
        Assert.Equal(10, attempt["questions"]!.AsArray().Count);
        await TrainingApi.AnswerAsync(worker, attempt, keys, right: 8);
        var finished = await Api.JsonAsync(await worker.PostAsync($"/api/attempts/{attempt["id"]}/finish", null));
        Assert.Equal(8, (int)finished["score"]!);
        // The demo contestants are on the board: the worker is behind those who scored more, and ahead of those who
        // scored the same (they took minutes, the worker seconds).
        var people = await Api.JsonAsync(await worker.GetAsync($"/api/contests/{contest["id"]}/leaderboard?limit=100"));
        var ahead = people["lines"]!.AsArray().Count(l => (double)l!["score"]! > 8);
        Assert.True(ahead > 0);
        var me = people["me"]!;
        Assert.Equal((1 + ahead, 8.0), ((int)me["rank"]!, (double)me["score"]!));
        var unions = await Api.JsonAsync(await worker.GetAsync($"/api/contests/{contest["id"]}/leaderboard?by=unions"));
        var union = unions["me"]!;
        Assert.Equal("华兴电子有限公司工会", (string?)union["name"]);
        Assert.Equal((int)unions["lines"]!.AsArray().Single(l => (string?)l!["name"] == "华兴电子有限公司工会")!["rank"]!, (int)union["rank"]!);
    }

    [Fact]
    public async Task The_demo_expert_has_a_proposed_question_waiting_with_its_key_and_the_demo_bank_holds_real_questions_of_both_topics()
    {
        var expert = await Api.CookieClientAsync(server, "expert");
        var waiting = (await Api.AllPagesAsync(expert, "/api/tasks")).Single(t => ((string?)t["title"])?.StartsWith("职工出题审核") == true);
        var task = await Api.JsonAsync(await expert.GetAsync($"/api/tasks/{waiting["id"]}"));
        Assert.Equal("C", (string?)task["case"]!["data"]!["answerChoice"]);
        Assert.Equal("刘洋", (string?)task["applicant"]!["displayName"]);

        var designer = await Api.CookieClientAsync(server, "designer");
        var bank = JsonNode.Parse(await designer.GetStringAsync("/api/question-banks"))!.AsArray().Single(b => (string?)b!["name"] == "职工安全生产与劳动合同法题库")!;
        var questions = JsonNode.Parse(await designer.GetStringAsync($"/api/question-banks/{bank["id"]}/questions"))!.AsArray();
        Assert.True(questions.Count(q => (string?)q!["topic"] == "安全生产") >= 30);
        Assert.True(questions.Count(q => (string?)q!["topic"] == "劳动合同法") >= 30);
        Assert.Equal(questions.Count, questions.Select(q => (string?)q!["text"]).Distinct().Count());
        Assert.All(questions, q => Assert.False(string.IsNullOrEmpty((string?)q!["explanation"])));
    }
}

public sealed class SqliteDemoTrainingTests(SqliteServer server) : DemoTrainingTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresDemoTrainingTests(PostgresServer server) : DemoTrainingTests(server), IClassFixture<PostgresServer>;
