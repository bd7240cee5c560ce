using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Training;

/// <summary>
/// The Studio's live contest monitor: participants, open attempts, answers so far and lately, and the top ten, as the
/// contest runs; only staff at the contest's org or above watch it.
/// </summary>
public abstract class ContestMonitorTests(CaseServer server)
{
    private Task<HttpClient> WorkerAsync(string userName, string union = "华兴电子有限公司工会") => TrainingApi.WorkerAsync(server, userName, union);

    private static Task<JsonObject> StartAsync(HttpClient worker, JsonObject contest) => TrainingApi.StartAsync(worker, contest);

    [Fact]
    public async Task The_monitor_counts_participants_open_attempts_and_answers_as_they_come_and_shows_the_top_ten()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var bank = await TrainingApi.BankAsync(server, designer, "某市总工会", "监控", 6);
        var keys = await TrainingApi.KeysAsync(designer, bank);
        var contest = await TrainingApi.ContestAsync(server, designer, "监控", server.Clock.GetUtcNow(), questions: 4, durationSeconds: 1200);
        var monitor = $"/api/contests/{contest["id"]}/monitor";
        var before = await Api.JsonAsync(await designer.GetAsync(monitor));
        Assert.Equal((0, 0, 0L, 0L), ((int)before["participants"]!, (int)before["openAttempts"]!, (long)before["answers"]!, (long)before["recentAnswers"]!));
        Assert.Empty(before["topPeople"]!.AsArray());

        var a = await WorkerAsync("monitor-a");
        var b = await WorkerAsync("monitor-b", "顺达物流有限公司工会");
        var attemptA = await StartAsync(a, contest);
        var attemptB = await StartAsync(b, contest);
        await TrainingApi.AnswerAsync(a, attemptA, keys, 4);
        var qb = (long)attemptB["questions"]![0]!["id"]!;
        await Api.JsonAsync(await b.PostAsJsonAsync($"/api/attempts/{attemptB["id"]}/answers", new { questionId = qb, answer = keys[qb] }));
        var running = await Api.JsonAsync(await designer.GetAsync(monitor));
        Assert.Equal((2, 2, 5L, 5L), ((int)running["participants"]!, (int)running["openAttempts"]!, (long)running["answers"]!, (long)running["recentAnswers"]!));
        Assert.Equal(2, (int)running["recentlyStarted"]!);

        server.Clock.Advance(TimeSpan.FromSeconds(30));
        await Api.JsonAsync(await a.PostAsync($"/api/attempts/{attemptA["id"]}/finish", null));
        server.Clock.Advance(TimeSpan.FromMinutes(6));               // the answers fall out of the last five minutes
        var later = await Api.JsonAsync(await designer.GetAsync(monitor));
        Assert.Equal((2, 1, 5L, 0L), ((int)later["participants"]!, (int)later["openAttempts"]!, (long)later["answers"]!, (long)later["recentAnswers"]!));
        Assert.Equal(["monitor-a:4:1"], later["topPeople"]!.AsArray().Select(l => $"{l!["name"]}:{l["score"]}:{l["rank"]}"));
        Assert.Equal(["华兴电子有限公司工会:4:1"], later["topUnions"]!.AsArray().Select(l => $"{l!["name"]}:{l["score"]}:{l["rank"]}"));
        var lastTen = await Api.JsonAsync(await designer.GetAsync($"{monitor}?minutes=10"));
        Assert.Equal(5L, (long)lastTen["recentAnswers"]!);
        Assert.Equal(1, (int)lastTen["recentlyFinished"]!);

        var watched = JsonNode.Parse(await designer.GetStringAsync("/api/contests/monitored"))!.AsArray();
        Assert.Contains(watched, c => (int)c!["id"]! == (int)contest["id"]!);
    }

    [Fact]
    public async Task A_worker_gets_403_an_unknown_contest_404_and_a_bad_window_422_naming_minutes()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        await TrainingApi.BankAsync(server, designer, "某市总工会", "监控权限", 4);
        var contest = await TrainingApi.ContestAsync(server, designer, "监控权限", server.Clock.GetUtcNow());
        var worker = await WorkerAsync("monitor-worker");

        var refused = await Api.ProblemAsync(await worker.GetAsync($"/api/contests/{contest["id"]}/monitor"), HttpStatusCode.Forbidden);
        Assert.Contains("staff of 某市总工会", Api.Text(refused));
        Assert.DoesNotContain(JsonNode.Parse(await worker.GetStringAsync("/api/contests/monitored"))!.AsArray(), c => (int)c!["id"]! == (int)contest["id"]!);
        // A district admin is staff, but below the city's contest.
        await Api.ProblemAsync(await (await Api.CookieClientAsync(server, "district-admin")).GetAsync($"/api/contests/{contest["id"]}/monitor"), HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await designer.GetAsync("/api/contests/987654/monitor"), HttpStatusCode.NotFound);
        var bad = await Api.ProblemAsync(await designer.GetAsync($"/api/contests/{contest["id"]}/monitor?minutes=0"), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("minutes", Api.Text(bad));
    }
}

public sealed class SqliteContestMonitorTests(SqliteCaseServer server) : ContestMonitorTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresContestMonitorTests(PostgresCaseServer server) : ContestMonitorTests(server), IClassFixture<PostgresCaseServer>;
