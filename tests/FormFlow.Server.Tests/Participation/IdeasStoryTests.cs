using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Participation;

/// <summary>
/// The shipped golden-ideas template through the API: a worker submits, the grassroots union screens, the district
/// expert rates without seeing who proposed it, and an adopted idea earns points and is shown in the district's showcase.
/// </summary>
public abstract class IdeasStoryTests(CaseServer server)
{
    [Fact]
    public async Task An_adopted_idea_earns_the_worker_50_points_and_is_shown_in_the_showcase_of_the_district_only()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var before = (int)(await Api.JsonAsync(await worker.GetAsync("/api/me/points")))["balance"]!;
        var caseId = await SubmitAsync(worker, "车间照明改用感应灯");

        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var expert = await Api.CookieClientAsync(server, "expert");
        Assert.DoesNotContain(await InboxAsync(expert), t => (long)t["caseId"]! == caseId);
        var screening = await CaseServer.InboxTaskAsync(reviewer, caseId);
        var screeningView = await Api.JsonAsync(await reviewer.GetAsync($"/api/tasks/{screening["id"]}"));
        Assert.Equal("王建国", (string?)screeningView["case"]!["data"]!["proposerName"]);
        Assert.Equal("刘洋", (string?)screeningView["applicant"]!["displayName"]);
        Assert.Equal(["通过初审", "不予通过"], OutcomeLabels(screeningView));
        await CompleteAsync(reviewer, screening, "pass", new JsonObject { ["screenNote"] = "建议可行，报区总工会评审" });

        var rating = await CaseServer.InboxTaskAsync(expert, caseId);
        var ratingView = await Api.JsonAsync(await expert.GetAsync($"/api/tasks/{rating["id"]}"));
        var seen = ratingView.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("车间照明改用感应灯", seen);
        Assert.DoesNotContain("王建国", seen);
        // Nor who submitted it: not the header, the case's applicant, the timeline, nor the inbox line.
        Assert.DoesNotContain("刘洋", seen);
        Assert.Null((string?)ratingView["applicant"]!["displayName"]);
        Assert.DoesNotContain("刘洋", (await InboxAsync(expert)).Single(t => (long)t["caseId"]! == caseId).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.DoesNotContain("13912345678", seen);
        Assert.DoesNotContain("5678", seen);
        Assert.DoesNotContain("王*国", seen);
        Assert.Null(ratingView["case"]!["data"]!["proposerName"]);
        Assert.Null(ratingView["case"]!["data"]!["proposerMobile"]);
        Assert.Equal(["采纳", "不予采纳"], OutcomeLabels(ratingView));
        await CompleteAsync(expert, rating, "adopt", new JsonObject { ["score"] = 5, ["expertComment"] = "节能效果明显，建议全区推广" });
        await server.DispatchAsync();
        await server.DispatchAsync();

        var points = await Api.JsonAsync(await worker.GetAsync("/api/me/points"));
        Assert.Equal(before + 50, (int)points["balance"]!);
        var line = points["items"]!.AsArray().Single(l => (long?)l!["caseId"] == caseId)!;
        Assert.Equal(50, (int)line["points"]!);
        Assert.Contains("车间照明改用感应灯", (string)line["reason"]!);

        await TestAccounts.EnsureAsync(server, "dongcheng-idea-reader", "worker", "华兴电子有限公司工会");
        var neighbour = await Api.CookieClientAsync(server, "dongcheng-idea-reader");
        var shown = (await FeedApi.PageAsync(neighbour, "?kind=showcase&q=感应")).Items.Single(i => i.Title == "车间照明改用感应灯");
        Assert.Contains("节能效果明显", (await FeedApi.ReadAsync(neighbour, shown.Id)).Body);

        await TestAccounts.EnsureAsync(server, "xihu-idea-reader", "worker", "西湖区实验小学工会");
        var xihu = await Api.CookieClientAsync(server, "xihu-idea-reader");
        Assert.DoesNotContain((await FeedApi.PageAsync(xihu, "?kind=showcase&q=感应")).Items, i => i.Id == shown.Id);
    }

    [Fact]
    public async Task A_declined_idea_earns_no_points_and_publishes_nothing()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var before = (int)(await Api.JsonAsync(await worker.GetAsync("/api/me/points")))["balance"]!;
        var caseId = await SubmitAsync(worker, "食堂增加夜班窗口");
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var screening = await CaseServer.InboxTaskAsync(reviewer, caseId);
        var done = await CompleteAsync(reviewer, screening, "decline", new JsonObject { ["screenNote"] = "已在实施中" });
        await server.DispatchAsync();
        await server.DispatchAsync();

        Assert.Equal("finished", (string?)done["case"]!["status"]);
        Assert.Equal(before, (int)(await Api.JsonAsync(await worker.GetAsync("/api/me/points")))["balance"]!);
        await using var db = server.OpenDb();
        Assert.False(await db.Publications.AnyAsync(p => p.SourceCaseId == caseId));
        Assert.Contains(JsonNode.Parse(await worker.GetStringAsync("/api/notifications"))!["items"]!.AsArray(),
            n => (long)n!["caseId"]! == caseId && (string?)n["template"] == "ideaNotAdopted");
    }

    private static async Task<long> SubmitAsync(HttpClient worker, string title)
    {
        var submitted = await worker.PostAsJsonAsync($"/api/services/{await CaseServer.ServiceIdAsync(worker, "ideas")}/cases", new
        {
            data = new JsonObject
            {
                ["ideaTitle"] = title, ["ideaCategory"] = "energy",
                ["problem"] = "车间常年整夜开灯，电费很高。",
                ["proposal"] = "把走廊和仓库的照明改成人体感应灯，无人时自动熄灭，预计一年可以节电三成。",
                ["proposerName"] = "王建国", ["proposerMobile"] = "13912345678",
            },
        });
        return (long)(await Api.JsonAsync(submitted))["id"]!;
    }

    private static async Task<List<JsonObject>> InboxAsync(HttpClient handler) =>
        (await Api.AllPagesAsync(handler, "/api/tasks")).ToList();

    private static List<string> OutcomeLabels(JsonObject taskView) =>
        taskView["outcomes"]!.AsArray().Select(o => (string)o!["label"]!["zh-CN"]!).ToList();

    private static async Task<JsonObject> CompleteAsync(HttpClient handler, JsonObject task, string outcome, JsonObject data) =>
        await Api.JsonAsync(await handler.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome, data, rowVersion = (long)task["rowVersion"]! }));
}

public sealed class SqliteIdeasStoryTests(SqliteCaseServer server) : IdeasStoryTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresIdeasStoryTests(PostgresCaseServer server) : IdeasStoryTests(server), IClassFixture<PostgresCaseServer>;
