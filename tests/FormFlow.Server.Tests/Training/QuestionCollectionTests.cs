using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Training;

/// <summary>
/// The shipped question-collection template (职工出题) through the API: a worker proposes a question, the district
/// expert reviews it, and an accepted question enters the city's 职工征集题库 credited to the proposer, with points.
/// </summary>
public abstract class QuestionCollectionTests(CaseServer server)
{
    private const string Stem = "职工发现作业场所存在事故隐患时，应当立即向谁报告？";

    [Fact]
    public async Task An_accepted_question_enters_the_city_bank_credited_to_the_proposer_once_and_earns_20_points()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var before = (int)(await Api.JsonAsync(await worker.GetAsync("/api/me/points")))["balance"]!;
        var caseId = await ProposeAsync(worker, Stem);

        var expert = await Api.CookieClientAsync(server, "expert");
        var review = await CaseServer.InboxTaskAsync(expert, caseId);
        var reviewView = await Api.JsonAsync(await expert.GetAsync($"/api/tasks/{review["id"]}"));
        Assert.Equal("C", (string?)reviewView["case"]!["data"]!["answerChoice"]);           // the expert checks the key
        Assert.Equal(["采纳入库", "不通过"], reviewView["outcomes"]!.AsArray().Select(o => (string)o!["label"]!["zh-CN"]!));
        var done = await Api.JsonAsync(await expert.PostAsJsonAsync($"/api/tasks/{review["id"]}/complete",
            new { outcome = "accept", data = new JsonObject { ["reviewNote"] = "题目准确，采纳" }, rowVersion = (long)review["rowVersion"]! }));
        Assert.Equal("finished", (string?)done["case"]!["status"]);
        await server.DispatchAsync();
        await server.DispatchAsync();
        await server.DispatchAsync();                                                       // a further pass adds nothing twice

        var designer = await Api.CookieClientAsync(server, "designer");
        var bank = JsonNode.Parse(await designer.GetStringAsync("/api/question-banks"))!.AsArray()
            .Single(b => (string?)b!["name"] == "职工征集题库" && (string?)b["orgName"] == "某市总工会")!;
        var questions = JsonNode.Parse(await designer.GetStringAsync($"/api/question-banks/{bank["id"]}/questions"))!.AsArray()
            .Where(q => (string?)q!["text"] == Stem).ToList();
        var question = Assert.Single(questions)!;
        Assert.Equal("刘洋", (string?)question["proposedBy"]);
        Assert.Equal("single", (string?)question["type"]);
        Assert.Equal("安全生产", (string?)question["topic"]);
        Assert.Equal(2, (int)question["difficulty"]!);
        Assert.Equal("C", (string?)question["answer"]);
        Assert.Equal(["单位负责人", "同事", "现场安全生产管理人员或者本单位负责人", "家人"], question["options"]!.AsArray().Select(o => (string)o!["label"]!));
        Assert.StartsWith("《安全生产法》第五十九条", (string?)question["explanation"]);

        var points = await Api.JsonAsync(await worker.GetAsync("/api/me/points"));
        Assert.Equal(before + 20, (int)points["balance"]!);
        Assert.Contains("出题被采纳", (string)points["items"]!.AsArray().Single(l => (long?)l!["caseId"] == caseId)!["reason"]!);
        await using var db = server.OpenDb();
        Assert.Equal(caseId, await db.BankQuestions.Where(q => q.Text == Stem).Select(q => q.SourceCaseId).SingleAsync());
    }

    [Fact]
    public async Task A_rejected_question_enters_no_bank_and_earns_nothing()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var before = (int)(await Api.JsonAsync(await worker.GetAsync("/api/me/points")))["balance"]!;
        const string stem = "工作时间以外被要求参加培训，是否一律算作加班？";
        var caseId = await ProposeAsync(worker, stem);
        var expert = await Api.CookieClientAsync(server, "expert");
        var review = await CaseServer.InboxTaskAsync(expert, caseId);
        await Api.JsonAsync(await expert.PostAsJsonAsync($"/api/tasks/{review["id"]}/complete",
            new { outcome = "reject", data = new JsonObject { ["reviewNote"] = "表述有争议" }, rowVersion = (long)review["rowVersion"]! }));
        await server.DispatchAsync();
        await server.DispatchAsync();

        await using var db = server.OpenDb();
        Assert.False(await db.BankQuestions.AnyAsync(q => q.Text == stem));
        Assert.Equal(before, (int)(await Api.JsonAsync(await worker.GetAsync("/api/me/points")))["balance"]!);
        Assert.Contains(JsonNode.Parse(await worker.GetStringAsync("/api/notifications"))!["items"]!.AsArray(),
            n => (long)n!["caseId"]! == caseId && (string?)n["template"] == "questionRejected");
    }

    [Fact]
    public async Task The_key_of_a_proposal_is_never_shown_to_another_worker()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        const string stem = "《劳动合同法》规定，劳动者在试用期内提前几日通知用人单位可以解除劳动合同？";
        var caseId = await ProposeAsync(worker, stem, keyOption: "乙：提前三日通知");
        await TestAccounts.EnsureAsync(server, "proposal-neighbour", "worker", "华兴电子有限公司工会");
        var neighbour = await Api.CookieClientAsync(server, "proposal-neighbour");

        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/cases/{caseId}")).StatusCode);
        var seen = string.Concat(
            await neighbour.GetStringAsync("/api/cases"),
            await neighbour.GetStringAsync("/api/tasks"),
            await neighbour.GetStringAsync($"/api/services/{await CaseServer.ServiceIdAsync(neighbour, "question-collection")}"));
        Assert.DoesNotContain("提前三日通知", System.Text.RegularExpressions.Regex.Unescape(seen));
        Assert.DoesNotContain(stem, System.Text.RegularExpressions.Regex.Unescape(seen));
    }

    [Fact]
    public async Task A_key_naming_an_option_not_filled_in_is_422_naming_the_field_and_stores_nothing()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        await using var db = server.OpenDb();
        var cases = await db.Cases.CountAsync(c => c.ModuleKey == "question-collection");
        var data = Proposal("哪一项是正确的劳动防护用品使用方式？");
        data.Remove("optionD");
        data["answerChoice"] = "D";
        var refused = await worker.PostAsJsonAsync($"/api/services/{await CaseServer.ServiceIdAsync(worker, "question-collection")}/cases", new { data });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("answerChoice", await refused.Content.ReadAsStringAsync());
        Assert.Equal(cases, await db.Cases.CountAsync(c => c.ModuleKey == "question-collection"));
    }

    private static JsonObject Proposal(string stem, string keyOption = "现场安全生产管理人员或者本单位负责人") => new()
    {
        ["topic"] = "安全生产", ["difficulty"] = "2", ["questionType"] = "single", ["stem"] = stem,
        ["optionA"] = "单位负责人", ["optionB"] = "同事", ["optionC"] = keyOption, ["optionD"] = "家人",
        ["answerChoice"] = "C",
        ["explanation"] = "《安全生产法》第五十九条：从业人员发现事故隐患或者其他不安全因素，应当立即向现场安全生产管理人员或者本单位负责人报告。",
    };

    private static async Task<long> ProposeAsync(HttpClient worker, string stem, string keyOption = "现场安全生产管理人员或者本单位负责人")
    {
        var submitted = await worker.PostAsJsonAsync($"/api/services/{await CaseServer.ServiceIdAsync(worker, "question-collection")}/cases",
            new { data = Proposal(stem, keyOption) });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        return (long)(await Api.JsonAsync(submitted))["id"]!;
    }
}

public sealed class SqliteQuestionCollectionTests(SqliteCaseServer server) : QuestionCollectionTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresQuestionCollectionTests(PostgresCaseServer server) : QuestionCollectionTests(server), IClassFixture<PostgresCaseServer>;
