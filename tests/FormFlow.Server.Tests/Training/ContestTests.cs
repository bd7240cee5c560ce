using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FormFlow.Server.Tests.Training;

/// <summary>
/// Timed contests on the server's clock: late answers, one open attempt per person, scores recounted from the keys,
/// leaderboards with ties, and settling the places' points.
/// </summary>
public abstract class ContestTests(CaseServer server)
{
    private async Task<(HttpClient Designer, Dictionary<long, JsonNode> Keys)> BankAsync(string topic, int count)
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var bank = await TrainingApi.BankAsync(server, designer, "某市总工会", topic, count);
        return (designer, await TrainingApi.KeysAsync(designer, bank));
    }

    private Task<HttpClient> WorkerAsync(string userName, string union = "华兴电子有限公司工会") => TrainingApi.WorkerAsync(server, userName, union);

    private static Task<JsonObject> StartAsync(HttpClient worker, JsonObject contest) => TrainingApi.StartAsync(worker, contest);

    private static async Task<JsonObject> FinishAsync(HttpClient worker, JsonObject attempt) =>
        await Api.JsonAsync(await worker.PostAsync($"/api/attempts/{attempt["id"]}/finish", null));

    [Fact]
    public async Task A_late_answer_is_422_naming_the_deadline_rule_and_does_not_count()
    {
        var (designer, keys) = await BankAsync("迟交", 4);
        var contest = await TrainingApi.ContestAsync(server, designer, "迟交", server.Clock.GetUtcNow(), durationSeconds: 60);
        var worker = await WorkerAsync("late-worker");
        var attempt = await StartAsync(worker, contest);
        Assert.Equal(60, (int)attempt["remainingSeconds"]!);
        var questions = attempt["questions"]!.AsArray().Select(q => (long)q!["id"]!).ToList();

        var first = await Api.JsonAsync(await worker.PostAsJsonAsync($"/api/attempts/{attempt["id"]}/answers", new { questionId = questions[0], answer = keys[questions[0]] }));
        Assert.Null(first["correct"]);                                   // a contest tells nothing while it runs
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        var late = await worker.PostAsJsonAsync($"/api/attempts/{attempt["id"]}/answers", new { questionId = questions[1], answer = keys[questions[1]] });
        Assert.Contains("rule deadline", Api.Text(await Api.ProblemAsync(late, HttpStatusCode.UnprocessableEntity)));

        var view = await Api.JsonAsync(await worker.GetAsync($"/api/attempts/{attempt["id"]}"));
        Assert.Equal(1, (int)view["score"]!);
        Assert.Equal(4, (int)view["total"]!);
        Assert.Equal(0, (int)view["remainingSeconds"]!);
        Assert.Equal(60_000, (long)view["timeUsedMs"]!);                // the deadline, not the late knock
    }

    [Fact]
    public async Task A_second_attempt_while_one_is_open_is_409_naming_the_rule_even_when_both_start_at_once()
    {
        var (designer, _) = await BankAsync("并发", 4);
        var contest = await TrainingApi.ContestAsync(server, designer, "并发", server.Clock.GetUtcNow());
        var worker = await WorkerAsync("twice-worker");

        var both = await Task.WhenAll(worker.PostAsync($"/api/contests/{contest["id"]}/attempts", null), worker.PostAsync($"/api/contests/{contest["id"]}/attempts", null));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        Assert.Contains("oneOpenAttempt", Api.Text(await Api.ProblemAsync(both.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict)));
        var open = await Api.JsonAsync(both.Single(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Contains("oneOpenAttempt", Api.Text(await Api.ProblemAsync(await worker.PostAsync($"/api/contests/{contest["id"]}/attempts", null), HttpStatusCode.Conflict)));

        await FinishAsync(worker, open);
        await StartAsync(worker, contest);
        await using var db = server.OpenDb();
        Assert.Equal(2, await db.QuizAttempts.CountAsync(a => a.ContestId == (int)contest["id"]!));
    }

    [Fact]
    public async Task The_score_matches_a_recount_of_the_given_answers_against_the_keys()
    {
        var (designer, keys) = await BankAsync("复核", 9);
        var contest = await TrainingApi.ContestAsync(server, designer, "复核", server.Clock.GetUtcNow(), questions: 6);
        var worker = await WorkerAsync("recount-worker");
        var attempt = await StartAsync(worker, contest);
        var questions = attempt["questions"]!.AsArray().Select(q => (long)q!["id"]!).ToList();
        Assert.Equal(6, questions.Distinct().Count());
        for (var i = 0; i < questions.Count; i++)
        {
            JsonNode given = i % 3 == 0 ? "C" : keys[questions[i]].DeepClone();
            await Api.JsonAsync(await worker.PostAsJsonAsync($"/api/attempts/{attempt["id"]}/answers", new { questionId = questions[i], answer = given }));
        }
        var finished = await FinishAsync(worker, attempt);

        var recount = finished["answers"]!.AsArray().Count(a => JsonNode.DeepEquals(a!["given"], keys[(long)a["questionId"]!]));
        Assert.Equal(4, recount);
        Assert.Equal(recount, (int)finished["score"]!);
        Assert.Equal(recount, finished["answers"]!.AsArray().Count(a => (bool)a!["correct"]!));
        Assert.All(finished["answers"]!.AsArray(), a => Assert.Null(a!["key"]));
    }

    /// <summary>One attempt: start, answer <paramref name="right"/> questions right, take <paramref name="seconds"/>, finish.</summary>
    private async Task PlayAsync(HttpClient worker, JsonObject contest, Dictionary<long, JsonNode> keys, int right, int seconds)
    {
        var attempt = await StartAsync(worker, contest);
        await TrainingApi.AnswerAsync(worker, attempt, keys, right);
        server.Clock.Advance(TimeSpan.FromSeconds(seconds));
        await FinishAsync(worker, attempt);
    }

    [Fact]
    public async Task The_leaderboard_ranks_best_scores_then_time_used_ties_share_a_rank_and_unions_rank_by_their_mean()
    {
        var (designer, keys) = await BankAsync("排名", 4);
        var contest = await TrainingApi.ContestAsync(server, designer, "排名", server.Clock.GetUtcNow(), attempts: 2);
        Task Run(HttpClient worker, int right, int seconds) => PlayAsync(worker, contest, keys, right, seconds);
        var a = await WorkerAsync("rank-a");
        var b = await WorkerAsync("rank-b");
        var c = await WorkerAsync("rank-c", "顺达物流有限公司工会");
        var d = await WorkerAsync("rank-d", "顺达物流有限公司工会");
        await Run(a, 4, 100);
        await Run(b, 4, 50);
        await Run(c, 4, 100);
        await Run(d, 1, 10);
        await Run(a, 2, 10);                                              // a worse second attempt leaves the best alone

        var people = await Api.JsonAsync(await a.GetAsync($"/api/contests/{contest["id"]}/leaderboard"));
        Assert.Equal(["rank-a:2", "rank-b:1", "rank-c:2", "rank-d:4"], people["lines"]!.AsArray().Select(l => $"{l!["name"]}:{l["rank"]}").Order());
        Assert.Equal(2, (int)people["me"]!["rank"]!);
        Assert.Equal(100_000, (long)people["me"]!["timeUsedMs"]!);

        var unions = await Api.JsonAsync(await d.GetAsync($"/api/contests/{contest["id"]}/leaderboard?by=unions"));
        Assert.Equal(["华兴电子有限公司工会:4:1", "顺达物流有限公司工会:2.5:2"],
            unions["lines"]!.AsArray().Select(l => $"{l!["name"]}:{l["score"]}:{l["rank"]}"));
        Assert.Equal("顺达物流有限公司工会", (string?)unions["me"]!["name"]);

        var street = await ModuleLibraryApi.OrgIdAsync(server, "建设街道总工会");
        var inStreet = await Api.JsonAsync(await a.GetAsync($"/api/contests/{contest["id"]}/leaderboard?orgUnitId={street}"));
        Assert.Equal(["rank-c:1", "rank-d:2"], inStreet["lines"]!.AsArray().Select(l => $"{l!["name"]}:{l["rank"]}"));
        Assert.Null(inStreet["me"]);

        await using var db = server.OpenDb();
        Assert.Equal(4, await db.ContestBests.CountAsync(x => x.ContestId == (int)contest["id"]!));
    }

    [Fact]
    public async Task After_random_bests_the_kept_histograms_equal_a_recount_and_every_rank_is_the_brute_force_rank_with_ties()
    {
        var (designer, keys) = await BankAsync("直方图", 4);
        var contest = await TrainingApi.ContestAsync(server, designer, "直方图", server.Clock.GetUtcNow(), attempts: 3);
        var id = (int)contest["id"]!;
        string[] unions = ["华兴电子有限公司工会", "顺达物流有限公司工会", "西湖区实验小学工会"];
        var random = new Random(16);
        var workers = new List<(string Name, HttpClient Client)>();
        for (var i = 0; i < 12; i++)
        {
            var name = $"histogram-{i}";
            workers.Add((name, await WorkerAsync(name, unions[i % unions.Length])));
            // Five scores and two times over up to three attempts each: many ties on score, some on time too.
            for (var n = random.Next(1, 4); n > 0; n--)
                await PlayAsync(workers[^1].Client, contest, keys, random.Next(0, 5), 10 * random.Next(1, 3));
        }
        // A member who moves to another union between attempts: the better best leaves one union's row for the other's.
        var mover = await WorkerAsync("histogram-mover");
        await PlayAsync(mover, contest, keys, 1, 20);
        await using (var db = server.OpenDb())
        {
            var role = await db.RoleAssignments.SingleAsync(r => r.Account!.UserName == "histogram-mover");
            role.OrgUnitId = await ModuleLibraryApi.OrgIdAsync(server, "西湖区实验小学工会");
            await db.SaveChangesAsync();
            FormFlow.Server.Shared.CurrentAccount.Forget(db, role.AccountId);
        }
        await PlayAsync(mover, contest, keys, 4, 10);
        workers.Add(("histogram-mover", mover));

        await using var read = server.OpenDb();
        var bests = await read.ContestBests.AsNoTracking().Where(b => b.ContestId == id).ToListAsync();
        Assert.Equal(13, bests.Count);
        var byScore = await read.ContestScoreCounts.Where(h => h.ContestId == id && h.Participants != 0).ToListAsync();
        Assert.Equal(bests.CountBy(b => b.Score).Select(g => (g.Key, g.Value)).Order(), byScore.Select(h => (h.Score, h.Participants)).Order());
        var byUnion = await read.ContestUnionScoreCounts.Where(h => h.ContestId == id && h.Participants != 0).ToListAsync();
        Assert.Equal(bests.CountBy(b => (b.OrgUnitId, b.Score)).Select(g => (g.Key.OrgUnitId, g.Key.Score, g.Value)).Order(),
            byUnion.Select(h => (h.OrgUnitId, h.Score, h.Participants)).Order());

        // Each rank, read whole and in a district that leaves bests outside, against 1 + the bests strictly ahead.
        var dongcheng = await read.OrgUnits.SingleAsync(o => o.Name == "东城区总工会");
        var inDongcheng = (await read.OrgUnits.Where(o => o.Path.StartsWith(dongcheng.Path)).Select(o => o.Id).ToListAsync()).ToHashSet();
        var accounts = await read.Users.Where(a => a.UserName!.StartsWith("histogram-")).ToDictionaryAsync(a => a.UserName!, a => a.Id);
        static int Rank(ContestBestRow mine, IEnumerable<ContestBestRow> among) =>
            1 + among.Count(b => b.Score > mine.Score || (b.Score == mine.Score && b.TimeUsedMs < mine.TimeUsedMs));
        var rows = bests.Select(b => new ContestBestRow(b.AccountId, b.OrgUnitId, b.Score, b.TimeUsedMs)).ToList();
        var local = rows.Where(b => inDongcheng.Contains(b.OrgUnitId)).ToList();
        Assert.NotEmpty(local);
        Assert.NotEqual(rows.Count, local.Count);
        foreach (var (name, client) in workers)
        {
            var mine = rows.Single(b => b.AccountId == accounts[name]);
            var whole = await Api.JsonAsync(await client.GetAsync($"/api/contests/{id}/leaderboard?limit=1"));
            Assert.Equal(Rank(mine, rows), (int)whole["me"]!["rank"]!);
            var district = await Api.JsonAsync(await client.GetAsync($"/api/contests/{id}/leaderboard?limit=1&orgUnitId={dongcheng.Id}"));
            if (inDongcheng.Contains(mine.OrgUnitId)) Assert.Equal(Rank(mine, local), (int)district["me"]!["rank"]!);
            else Assert.Null(district["me"]);
        }
        var all = await Api.JsonAsync(await mover.GetAsync($"/api/contests/{id}/leaderboard?limit=100"));
        Assert.Equal(rows.Select(b => Rank(b, rows)).Order(), all["lines"]!.AsArray().Select(l => (int)l!["rank"]!).Order());
    }

    private sealed record ContestBestRow(string AccountId, int OrgUnitId, int Score, long TimeUsedMs);

    [Fact]
    public async Task Settling_after_the_close_credits_the_places_once_and_publishes_the_results()
    {
        var (designer, keys) = await BankAsync("颁奖", 4);
        var contest = await TrainingApi.ContestAsync(server, designer, "颁奖", server.Clock.GetUtcNow(), placePoints: [30, 20], openFor: TimeSpan.FromMinutes(10));
        var first = await WorkerAsync("settle-a");
        var second = await WorkerAsync("settle-b");
        foreach (var (worker, right) in new[] { (first, 4), (second, 2) }) await PlayAsync(worker, contest, keys, right, seconds: 0);
        Assert.Contains("rule window", Api.Text(await Api.ProblemAsync(await designer.PostAsync($"/api/contests/{contest["id"]}/settle", null), HttpStatusCode.UnprocessableEntity)));
        Assert.Equal(HttpStatusCode.Forbidden, (await first.PostAsync($"/api/contests/{contest["id"]}/settle", null)).StatusCode);

        server.Clock.Advance(TimeSpan.FromMinutes(11));
        designer = await Api.CookieClientAsync(server, "designer");
        var settled = await Api.JsonAsync(await designer.PostAsync($"/api/contests/{contest["id"]}/settle", null));
        Assert.Equal(["settle-a:1", "settle-b:2"], settled["awarded"]!.AsArray().Select(l => $"{l!["name"]}:{l["rank"]}"));
        await Api.JsonAsync(await designer.PostAsync($"/api/contests/{contest["id"]}/settle", null));

        var ledger = await Api.JsonAsync(await (await Api.CookieClientAsync(server, "settle-a")).GetAsync("/api/me/points"));
        Assert.Equal(30, (int)ledger["balance"]!);
        Assert.Equal("颁奖竞赛：第1名", (string?)ledger["items"]![0]!["reason"]);
        await using var db = server.OpenDb();
        Assert.Equal(20, await db.PointsEntries.Where(p => p.Kind == "contestPlace" && p.Account!.UserName == "settle-b").SumAsync(p => p.Points));
        Assert.Equal(1, await db.Publications.CountAsync(p => p.Title == "颁奖竞赛 成绩揭晓"));
    }

    [Fact]
    public async Task A_contest_settles_by_itself_once_when_its_window_ends_even_with_two_servers_passing_at_once()
    {
        var (designer, keys) = await BankAsync("自动颁奖", 4);
        var contest = await TrainingApi.ContestAsync(server, designer, "自动颁奖", server.Clock.GetUtcNow(), placePoints: [40, 25], openFor: TimeSpan.FromMinutes(10));
        var first = await WorkerAsync("auto-settle-a");
        var second = await WorkerAsync("auto-settle-b");
        var attempt = await StartAsync(first, contest);
        await TrainingApi.AnswerAsync(first, attempt, keys, 4);
        await FinishAsync(first, attempt);
        var open = await StartAsync(second, contest);                    // still open at the close: the job finishes it
        await TrainingApi.AnswerAsync(second, open, keys, 1);
        var closer = server.Services.GetRequiredService<FormFlow.Server.Training.ContestCloser>();
        await closer.RunOnceAsync(CancellationToken.None);
        await using (var before = server.OpenDb())
            Assert.Null(await before.Contests.Where(c => c.Id == (int)contest["id"]!).Select(c => c.SettledAt).SingleAsync());

        server.Clock.Advance(TimeSpan.FromMinutes(11));
        var passes = await Task.WhenAll(closer.RunOnceAsync(CancellationToken.None), closer.RunOnceAsync(CancellationToken.None));
        Assert.Contains(passes, p => p >= 1);
        await closer.RunOnceAsync(CancellationToken.None);
        designer = await Api.CookieClientAsync(server, "designer");
        var again = await Api.JsonAsync(await designer.PostAsync($"/api/contests/{contest["id"]}/settle", null));   // still idempotent by hand
        Assert.Equal(["auto-settle-a:1", "auto-settle-b:2"], again["awarded"]!.AsArray().Select(l => $"{l!["name"]}:{l["rank"]}"));

        await using var db = server.OpenDb();
        Assert.NotNull(await db.Contests.Where(c => c.Id == (int)contest["id"]!).Select(c => c.SettledAt).SingleAsync());
        Assert.Equal(["auto-settle-a:40", "auto-settle-b:25"], (await db.PointsEntries.Where(p => p.Kind == "contestPlace" && p.Reason.StartsWith("自动颁奖竞赛"))
            .Select(p => new { p.Account!.UserName, p.Points }).ToListAsync()).Select(p => $"{p.UserName}:{p.Points}").Order());
        Assert.Equal(1, await db.Publications.CountAsync(p => p.Title == "自动颁奖竞赛 成绩揭晓"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "contest.settled" && a.Target == $"contest:{contest["id"]}"));
        Assert.NotNull(await db.QuizAttempts.Where(a => a.Id == (long)open["id"]!).Select(a => a.FinishedAt).SingleAsync());
    }

    [Fact]
    public async Task Union_figures_are_kept_as_best_scores_change_and_equal_means_share_a_rank()
    {
        var (designer, keys) = await BankAsync("工会榜", 4);
        var contest = await TrainingApi.ContestAsync(server, designer, "工会榜", server.Clock.GetUtcNow(), attempts: 2);
        Task Run(HttpClient worker, int right, int seconds) => PlayAsync(worker, contest, keys, right, seconds);
        var a = await WorkerAsync("union-a");
        var b = await WorkerAsync("union-b", "顺达物流有限公司工会");
        var c = await WorkerAsync("union-c", "西湖区实验小学工会");
        await Run(a, 2, 60);
        await Run(b, 3, 60);
        await Run(c, 3, 60);
        await Run(a, 3, 60);                                             // a better second attempt lifts 华兴's mean to 3

        var unions = await Api.JsonAsync(await a.GetAsync($"/api/contests/{contest["id"]}/leaderboard?by=unions"));
        Assert.Equal(["华兴电子有限公司工会:3:1", "西湖区实验小学工会:3:1", "顺达物流有限公司工会:3:1"],
            unions["lines"]!.AsArray().Select(l => $"{l!["name"]}:{l["score"]}:{l["rank"]}").Order());
        Assert.Equal(1, (int)unions["me"]!["rank"]!);

        await Run(b, 4, 30);
        var lifted = await Api.JsonAsync(await c.GetAsync($"/api/contests/{contest["id"]}/leaderboard?by=unions&limit=1"));
        Assert.Equal(["顺达物流有限公司工会:4:1"], lifted["lines"]!.AsArray().Select(l => $"{l!["name"]}:{l["score"]}:{l["rank"]}"));
        Assert.Equal("西湖区实验小学工会:2", $"{lifted["me"]!["name"]}:{lifted["me"]!["rank"]}");
        var dongcheng = await ModuleLibraryApi.OrgIdAsync(server, "东城区总工会");
        var inDistrict = await Api.JsonAsync(await a.GetAsync($"/api/contests/{contest["id"]}/leaderboard?by=unions&orgUnitId={dongcheng}"));
        Assert.Equal(["顺达物流有限公司工会:1", "华兴电子有限公司工会:2"], inDistrict["lines"]!.AsArray().Select(l => $"{l!["name"]}:{l["rank"]}"));

        await using var db = server.OpenDb();
        var kept = await db.ContestUnionScores.Where(u => u.ContestId == (int)contest["id"]!).OrderBy(u => u.OrgUnitId).ToListAsync();
        Assert.Equal(3, kept.Count);
        Assert.All(kept, u => Assert.Equal(1, u.Participants));
        Assert.Equal([3L, 3L, 4L], kept.Select(u => u.ScoreSum).Order());
    }
}

public sealed class SqliteContestTests(SqliteCaseServer server) : ContestTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresContestTests(PostgresCaseServer server) : ContestTests(server), IClassFixture<PostgresCaseServer>;
