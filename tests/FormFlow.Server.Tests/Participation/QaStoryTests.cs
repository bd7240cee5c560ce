using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Participation;

/// <summary>
/// The shipped Q&amp;A template through the API: a worker asks, the district expert answers, the answer goes to the
/// district's FAQ only with the asker's consent and without who asked, and the worker may follow up once.
/// </summary>
public abstract class QaStoryTests(CaseServer server)
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task An_answer_for_the_faq_is_found_by_another_worker_in_the_district_and_never_names_the_asker()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = await AskAsync(worker, "单位拖欠加班费三个月，工会能帮忙讨要吗？", mayPublish: true);

        var expert = await Api.CookieClientAsync(server, "expert");
        var task = await CaseServer.InboxTaskAsync(expert, caseId);
        var view = await Api.JsonAsync(await expert.GetAsync($"/api/tasks/{task["id"]}"));
        Assert.Equal(["已答复", "已答复并发布到常见问题"], view["outcomes"]!.AsArray().Select(o => (string)o!["label"]!["zh-CN"]!));
        await CompleteAsync(expert, task, "answeredForFaq", new JsonObject { ["answer"] = "可以。请保留考勤和工资记录，工会将协助您与单位协商，协商不成可申请劳动仲裁。" });
        await server.DispatchAsync();
        await server.DispatchAsync();

        await TestAccounts.EnsureAsync(server, "dongcheng-faq-reader", "worker", "华兴电子有限公司工会");
        var neighbour = await Api.CookieClientAsync(server, "dongcheng-faq-reader");
        var found = (await FeedApi.PageAsync(neighbour, "?kind=faq&q=" + Uri.EscapeDataString("欠加"))).Items.Single();
        Assert.Equal("单位拖欠加班费三个月，工会能帮忙讨要吗？", found.Title);
        var item = JsonNode.Parse(await neighbour.GetStringAsync($"/api/feed/{found.Id}"))!;
        Assert.Contains("劳动仲裁", (string)item["body"]!);
        var asSeen = item.ToJsonString(Readable) + JsonNode.Parse(await expert.GetStringAsync($"/api/feed/{found.Id}"))!.ToJsonString(Readable);
        Assert.DoesNotContain("赵敏", asSeen);
        Assert.DoesNotContain("刘洋", asSeen);
        Assert.DoesNotContain("\"worker\"", asSeen);

        await using var db = server.OpenDb();
        var row = await db.Publications.SingleAsync(p => p.Id == found.Id);
        Assert.Null(row.AuthorAccountId);
        Assert.DoesNotContain("赵敏", row.Title + row.Summary + row.Body + row.SearchText + row.Tags);
    }

    [Fact]
    public async Task Without_the_askers_consent_an_answer_for_the_faq_publishes_nothing()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = await AskAsync(worker, "工会会费每月按工资的多少比例缴纳？", mayPublish: false);
        var expert = await Api.CookieClientAsync(server, "expert");
        await CompleteAsync(expert, await CaseServer.InboxTaskAsync(expert, caseId), "answeredForFaq", new JsonObject { ["answer"] = "按本人工资收入的百分之零点五缴纳。" });
        await server.DispatchAsync();
        await server.DispatchAsync();

        await using var db = server.OpenDb();
        Assert.False(await db.Publications.AnyAsync(p => p.SourceCaseId == caseId));
        Assert.Contains(JsonNode.Parse(await worker.GetStringAsync("/api/notifications"))!["items"]!.AsArray(),
            n => (long)n!["caseId"]! == caseId && (string?)n["template"] == "questionAnswered");
    }

    [Fact]
    public async Task The_worker_follows_up_once_and_the_expert_gets_the_follow_up_to_answer()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = await AskAsync(worker, "试用期被辞退有没有经济补偿？", mayPublish: false);
        var expert = await Api.CookieClientAsync(server, "expert");
        await CompleteAsync(expert, await CaseServer.InboxTaskAsync(expert, caseId), "answered", new JsonObject { ["answer"] = "单位无正当理由在试用期解除合同的，应当支付赔偿。" });
        await server.DispatchAsync();

        var waiting = await Api.JsonAsync(await worker.GetAsync($"/api/cases/{caseId}"));
        Assert.Equal("waitingForApplicant", (string?)waiting["status"]);
        Assert.Equal(["followUpQuestion"], waiting["requestInformation"]!["fields"]!.AsArray().Select(f => (string)f!));
        var data = waiting["data"]!.AsObject();
        data["followUpQuestion"] = "赔偿标准怎么计算？";
        var resubmitted = await Api.JsonAsync(await worker.PostAsJsonAsync($"/api/cases/{caseId}/resubmit", new { data }));
        Assert.Equal("running", (string?)resubmitted["status"]);

        var followUp = await CaseServer.InboxTaskAsync(expert, caseId);
        Assert.Equal("followUp", (string?)followUp["activityId"]);
        var view = await Api.JsonAsync(await expert.GetAsync($"/api/tasks/{followUp["id"]}"));
        Assert.Equal("赔偿标准怎么计算？", (string?)view["case"]!["data"]!["followUpQuestion"]);
        var done = await CompleteAsync(expert, followUp, "answered", new JsonObject { ["followUpAnswer"] = "按工作年限，每满一年支付一个月工资的两倍。" });
        Assert.Equal("finished", (string?)done["case"]!["status"]);
        await server.DispatchAsync();
        Assert.Contains(JsonNode.Parse(await worker.GetStringAsync("/api/notifications"))!["items"]!.AsArray(),
            n => (long)n!["caseId"]! == caseId && (string?)n["template"] == "followUpAnswered");
    }

    private static async Task<long> AskAsync(HttpClient worker, string question, bool mayPublish)
    {
        var submitted = await worker.PostAsJsonAsync($"/api/services/{await CaseServer.ServiceIdAsync(worker, "qa")}/cases", new
        {
            data = new JsonObject { ["topic"] = "pay", ["question"] = question, ["askerName"] = "赵敏", ["mayPublish"] = mayPublish },
        });
        return (long)(await Api.JsonAsync(submitted))["id"]!;
    }

    private static async Task<JsonObject> CompleteAsync(HttpClient handler, JsonObject task, string outcome, JsonObject data) =>
        await Api.JsonAsync(await handler.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome, data, rowVersion = (long)task["rowVersion"]! }));
}

public sealed class SqliteQaStoryTests(SqliteCaseServer server) : QaStoryTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresQaStoryTests(PostgresCaseServer server) : QaStoryTests(server), IClassFixture<PostgresCaseServer>;
