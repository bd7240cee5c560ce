using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Database;
using FormFlow.Server.Demo;
using FormFlow.Server.Tests.Fixtures;
using FormFlow.Server.Training;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Demo;

/// <summary>
/// The demo contest has a living leaderboard: demo workers across the grassroots unions with scored attempts, seeded
/// once per database (and into a demo database of an earlier release), so a new worker sees their rank and their union's
/// after one attempt.
/// </summary>
public sealed class DemoLeaderboardTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_new_worker_sees_a_living_ranking_and_their_unions_rank_after_one_attempt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var first = await ServerFixture.StartOnAsync(database))
        {
            var worker = await Api.CookieClientAsync(first, "worker");
            var contest = await DemoContestAsync(worker);
            var people = await Api.JsonAsync(await worker.GetAsync($"/api/contests/{contest}/leaderboard?limit=50"));
            Assert.Equal(DemoContestants.People.Count, people["lines"]!.AsArray().Count);
            Assert.Equal(DemoContestants.People.Select(p => p.DisplayName).Order(), people["lines"]!.AsArray().Select(l => (string)l!["name"]!).Order());
            // Ten of ten each, by time used.
            Assert.Equal(["杨丽娟:1", "王建国:2", "林小雨:3"], people["lines"]!.AsArray().Take(3).Select(l => $"{l!["name"]}:{l["rank"]}"));
            Assert.Null(people["me"]);
            var unions = await Api.JsonAsync(await worker.GetAsync($"/api/contests/{contest}/leaderboard?by=unions"));
            Assert.Equal(4, unions["lines"]!.AsArray().Count);
        }
        await AssertScoresRecountAsync(database);

        // A demo database of the last release: the contest without its demo contestants. The next start seeds them.
        await using (var db = FormFlowDatabase.CreateContext(database.Settings))
        {
            await db.Users.Where(a => a.UserName!.StartsWith("contestant-")).ExecuteDeleteAsync();
            await db.ContestUnionScores.ExecuteDeleteAsync();
            Assert.Equal(0, await db.ContestBests.CountAsync());
        }
        await using (var second = await ServerFixture.StartOnAsync(database))
        {
            var designer = await Api.CookieClientAsync(second, "designer");
            var worker = await Api.CookieClientAsync(second, "worker");
            var contest = await DemoContestAsync(worker);
            Assert.Equal(DemoContestants.People.Count, (await Api.JsonAsync(await worker.GetAsync($"/api/contests/{contest}/leaderboard?limit=50")))["lines"]!.AsArray().Count);

            var bank = JsonNode.Parse(await designer.GetStringAsync("/api/question-banks"))!.AsArray().First(b => (string)b!["name"]! == DemoTraining.BankName)!;
            var keys = await TrainingApi.KeysAsync(designer, (int)bank["id"]!);
            var started = await worker.PostAsync($"/api/contests/{contest}/attempts", null);
            var attempt = await Api.JsonAsync(started);
            await TrainingApi.AnswerAsync(worker, attempt, keys, 10);
            await Api.JsonAsync(await worker.PostAsync($"/api/attempts/{attempt["id"]}/finish", null));

            var people = await Api.JsonAsync(await worker.GetAsync($"/api/contests/{contest}/leaderboard"));
            Assert.Equal(1, (int)people["me"]!["rank"]!);                // ten of ten, in seconds: ahead of every demo contestant
            var unions = await Api.JsonAsync(await worker.GetAsync($"/api/contests/{contest}/leaderboard?by=unions"));
            Assert.Equal("华兴电子有限公司工会", (string?)unions["me"]!["name"]);
            Assert.Equal(6, (int)unions["me"]!["participants"]!);
            Assert.InRange((int)unions["me"]!["rank"]!, 1, 4);
        }
        await AssertScoresRecountAsync(database);

        // Once per database: a restart adds no one.
        await using (var third = await ServerFixture.StartOnAsync(database))
        {
            var worker = await Api.CookieClientAsync(third, "worker");
            var board = await Api.JsonAsync(await worker.GetAsync($"/api/contests/{await DemoContestAsync(worker)}/leaderboard?limit=50"));
            Assert.Equal(DemoContestants.People.Count + 1, board["lines"]!.AsArray().Count);
        }
        await using (var db = FormFlowDatabase.CreateContext(database.Settings))
            Assert.Equal(DemoContestants.People.Count + 1, await db.QuizAttempts.CountAsync(a => a.ContestId != null));
    }

    private static async Task<int> DemoContestAsync(HttpClient worker) =>
        (int)JsonNode.Parse(await worker.GetStringAsync("/api/contests"))!.AsArray().Single(c => (string)c!["title"]! == DemoTraining.ContestTitle)!["id"]!;

    /// <summary>Every seeded best is its attempt's score, recounted from the stored answers and the keys; each union's kept figures are its members' bests.</summary>
    private static async Task AssertScoresRecountAsync(TestDatabase database)
    {
        await using var db = FormFlowDatabase.CreateContext(database.Settings);
        var bests = await db.ContestBests.ToListAsync();
        Assert.True(bests.Count >= DemoContestants.People.Count);
        foreach (var best in bests)
        {
            var attempt = await db.QuizAttempts.SingleAsync(a => a.Id == best.AttemptId);
            var ids = JsonSerializer.Deserialize<List<long>>(attempt.QuestionIds)!;
            var answers = JsonNode.Parse(attempt.Answers)!.AsObject();
            var questions = await db.BankQuestions.Where(q => ids.Contains(q.Id)).ToListAsync();
            Assert.Equal(best.Score, questions.Count(q => QuestionKeys.IsRight(q, answers[q.Id.ToString()])));
            Assert.Equal(attempt.Score, best.Score);
            Assert.Equal((long)(attempt.FinishedAt!.Value - attempt.StartedAt).TotalMilliseconds, best.TimeUsedMs);
        }
        var kept = await db.ContestUnionScores.ToListAsync();
        Assert.Equal(bests.GroupBy(b => b.OrgUnitId).Select(g => $"{g.Key}:{g.Count()}:{g.Sum(b => b.Score)}:{g.Sum(b => b.TimeUsedMs)}").Order(),
            kept.Select(u => $"{u.OrgUnitId}:{u.Participants}:{u.ScoreSum}:{u.TimeUsedMsSum}").Order());
        var expected = DemoContestants.People.ToDictionary(p => p.UserName, p => p.Right);
        var names = await db.Users.Where(a => a.UserName!.StartsWith("contestant-")).ToDictionaryAsync(a => a.Id, a => a.UserName!);
        Assert.Equal(DemoContestants.People.Count, names.Count);
        Assert.All(bests.Where(b => names.ContainsKey(b.AccountId)), b => Assert.Equal(expected[names[b.AccountId]], b.Score));
    }
}
