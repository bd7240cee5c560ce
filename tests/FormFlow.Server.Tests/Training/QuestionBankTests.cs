using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace FormFlow.Server.Tests.Training;

/// <summary>Question banks: shared down the hierarchy, edited only by their org and above, checked field by field, imported and exported in Excel.</summary>
public abstract class QuestionBankTests(CaseServer server)
{
    [Fact]
    public async Task A_district_draws_from_the_city_bank_and_its_own_but_edits_only_its_own()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var cityBank = await TrainingApi.BankAsync(server, designer, "某市总工会", "共享", 2);
        var districtBank = await TrainingApi.BankAsync(server, admin, "东城区总工会", "共享", 2);

        var seen = JsonNode.Parse(await admin.GetStringAsync("/api/question-banks"))!.AsArray();
        Assert.False((bool)seen.Single(b => (int)b!["id"]! == cityBank)!["editable"]!);
        Assert.True((bool)seen.Single(b => (int)b!["id"]! == districtBank)!["editable"]!);
        var refused = await admin.PostAsJsonAsync($"/api/question-banks/{cityBank}/questions",
            new { type = "trueFalse", topic = "共享", difficulty = 1, text = "区里想改市里的题", answer = true });
        await Api.ProblemAsync(refused, HttpStatusCode.Forbidden);

        var dongcheng = await ModuleLibraryApi.OrgIdAsync(server, "东城区总工会");
        var training = await Api.JsonAsync(await admin.PostAsJsonAsync("/api/trainings", new
        {
            orgUnitId = dongcheng, title = "东城区共享题闯关", levels = new[] { new { title = "第一关", topic = "共享", questions = 4, passPercent = 50 } },
        }));
        var worker = await Api.CookieClientAsync(server, "worker");
        var attempt = await Api.JsonAsync(await worker.PostAsync($"/api/trainings/{training["id"]}/levels/1/attempts", null));
        var drawn = attempt["questions"]!.AsArray().Select(q => (long)q!["id"]!).ToHashSet();
        var fromCity = (await TrainingApi.KeysAsync(designer, cityBank)).Keys;
        var fromDistrict = (await TrainingApi.KeysAsync(admin, districtBank)).Keys;
        Assert.True(drawn.SetEquals(fromCity.Concat(fromDistrict)));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/question-banks/{cityBank}/questions")).StatusCode);
    }

    [Fact]
    public async Task An_editor_below_a_bank_reads_its_questions_without_keys_or_explanations_and_cannot_export_it_but_keeps_the_keys_of_their_own()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var cityBank = await TrainingApi.BankAsync(server, designer, "某市总工会", "市级保密", 3);
        var districtBank = await TrainingApi.BankAsync(server, admin, "东城区总工会", "区级自建", 2);

        var below = JsonNode.Parse(await admin.GetStringAsync($"/api/question-banks/{cityBank}/questions"))!.AsArray();
        Assert.Equal(3, below.Count);
        Assert.All(below, q =>
        {
            Assert.StartsWith("市级保密第", (string?)q!["text"]);
            Assert.Equal(3, q["options"]!.AsArray().Count);
            Assert.Null(q["answer"]);
            Assert.Null(q["explanation"]);
        });
        Assert.DoesNotContain("解析", System.Text.RegularExpressions.Regex.Unescape(below.ToJsonString()));
        await Api.ProblemAsync(await admin.GetAsync($"/api/question-banks/{cityBank}/export"), HttpStatusCode.Forbidden);

        var own = JsonNode.Parse(await admin.GetStringAsync($"/api/question-banks/{districtBank}/questions"))!.AsArray();
        Assert.Equal(["A", "B"], own.Select(q => (string)q!["answer"]!));
        Assert.All(own, q => Assert.Contains("解析", (string?)q!["explanation"]));
        Assert.Equal(["A", "B", "A"], JsonNode.Parse(await designer.GetStringAsync($"/api/question-banks/{cityBank}/questions"))!.AsArray().Select(q => (string)q!["answer"]!));
        Assert.Equal(HttpStatusCode.OK, (await designer.GetAsync($"/api/question-banks/{cityBank}/export")).StatusCode);
    }

    [Fact]
    public async Task A_bad_question_is_422_naming_the_field_and_nothing_is_written()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var bank = await TrainingApi.BankAsync(server, designer, "某市总工会", "校验", 0);
        object Good(string field, object? value)
        {
            var body = new Dictionary<string, object?>
            {
                ["type"] = "multiple", ["topic"] = "校验", ["difficulty"] = 2, ["text"] = "哪些属于劳动防护用品？", ["options"] = new[] { "安全帽", "拖鞋", "手套" },
                ["answer"] = new[] { "A", "C" }, ["explanation"] = "拖鞋不是防护用品",
            };
            body[field] = value;
            return body;
        }
        foreach (var (field, value) in new (string, object?)[]
                 {
                     ("type", "essay"), ("topic", ""), ("difficulty", 9), ("text", null), ("options", new[] { "只有一个" }),
                     ("answer", new[] { "A", "D" }), ("answer", new[] { "A", "A" }), ("imageFileId", "no-such-file"),
                 })
        {
            var problem = await Api.ProblemAsync(await designer.PostAsJsonAsync($"/api/question-banks/{bank}/questions", Good(field, value)), HttpStatusCode.UnprocessableEntity);
            Assert.Equal(field, (string?)problem["field"]);
        }
        await using var db = server.OpenDb();
        Assert.Equal(0, await db.BankQuestions.CountAsync(q => q.BankId == bank));
        Assert.Equal(HttpStatusCode.Created, (await designer.PostAsJsonAsync($"/api/question-banks/{bank}/questions", Good("answer", new[] { "C", "A" }))).StatusCode);
    }

    [Fact]
    public async Task An_import_dry_run_reports_each_bad_row_by_row_and_column_and_the_real_run_adds_every_row_that_export_gives_back()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var bank = await TrainingApi.BankAsync(server, designer, "某市总工会", "导入", 0);
        Dictionary<string, object?> Row(string type, string text, string options, string answer, object difficulty) => new()
        {
            ["题型"] = type, ["主题"] = "劳动合同法", ["难度"] = difficulty, ["题目"] = text, ["选项"] = options, ["答案"] = answer, ["解析"] = "见劳动合同法",
        };
        var bad = new List<Dictionary<string, object?>>
        {
            Row("单选", "试用期最长不得超过几个月？", "三个月|六个月|一年", "B", 2),
            Row("问答", "这不是题型", "", "A", 1),                                 // row 3: type
            Row("多选", "劳动合同应当具备哪些条款？", "工作内容|劳动报酬|星座", "AD", 3),   // row 4: answer
            Row("判断", "用人单位可以扣押劳动者身份证。", "", "错", "很难"),             // row 5: difficulty
        };
        var dry = await Api.JsonAsync(await designer.PostAsJsonAsync($"/api/question-banks/{bank}/import",
            new { fileId = await TestFiles.UploadSheetAsync(designer, bad), dryRun = true }));
        Assert.Equal(["3:题型", "4:答案", "5:难度"], dry["errors"]!.AsArray().Select(e => $"{e!["row"]}:{e["column"]}"));
        Assert.Equal(0, (int)dry["created"]!);
        var real = await designer.PostAsJsonAsync($"/api/question-banks/{bank}/import", new { fileId = await TestFiles.UploadSheetAsync(designer, bad) });
        Assert.Equal(3, (await Api.ProblemAsync(real, HttpStatusCode.UnprocessableEntity))["errors"]!.AsArray().Count);
        Assert.Empty(await TrainingApi.KeysAsync(designer, bank));

        var good = new List<Dictionary<string, object?>>
        {
            Row("单选", "试用期最长不得超过几个月？", "三个月|六个月|一年", "B", 2),
            Row("多选", "劳动合同应当具备哪些条款？", "工作内容|劳动报酬|星座", "AB", 3),
            Row("判断", "用人单位可以扣押劳动者身份证。", "", "错", 1),
            Row("填空", "劳动者提前几日书面通知可以解除劳动合同？", "", "三十|30", 2),
        };
        var imported = await designer.PostAsJsonAsync($"/api/question-banks/{bank}/import", new { fileId = await TestFiles.UploadSheetAsync(designer, good) });
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(4, (int)(await Api.JsonAsync(imported))["created"]!);

        var exported = await designer.GetAsync($"/api/question-banks/{bank}/export");
        Assert.Equal(TestFiles.Xlsx, exported.Content.Headers.ContentType?.MediaType);
        var rows = (await exported.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["B", "AB", "错", "三十|30"], rows.Select(r => $"{r["答案"]}"));
        Assert.Equal("三个月|六个月|一年", $"{rows[0]["选项"]}");
    }
}

public sealed class SqliteQuestionBankTests(SqliteCaseServer server) : QuestionBankTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresQuestionBankTests(PostgresCaseServer server) : QuestionBankTests(server), IClassFixture<PostgresCaseServer>;
