using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Training;
using FormFlow.Server.Shared;
using MiniExcelLibs;

namespace FormFlow.Server.Training;

/// <summary>
/// A bank's questions in Excel, one question a row: 题型 (单选, 多选, 判断, 填空), 主题, 难度 (1-5), 题目, 选项 (labels
/// separated by |, read as A, B, C ...), 答案 (a letter, letters such as AC, 对 or 错, or accepted texts separated by
/// |), 解析. Every row is checked before anything is written; a dry run reports each bad row (row, column, reason) and
/// writes nothing; the real run adds every row in one save, or none when a row is wrong. Export writes the same columns.
/// </summary>
internal sealed class BankSheets(FormFlowDbContext db, TimeProvider clock)
{
    public const int MaxRows = 5_000;
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Columns = "题型, 主题, 难度, 题目, 选项, 答案, 解析 (type, topic, difficulty, text, options, answer, explanation)";

    private static readonly (string Field, string[] Headers)[] Headers =
    [
        ("type", ["题型", "type"]), ("topic", ["主题", "topic"]), ("difficulty", ["难度", "difficulty"]), ("text", ["题目", "text"]),
        ("options", ["选项", "options"]), ("answer", ["答案", "answer"]), ("explanation", ["解析", "explanation"]),
    ];

    private static readonly Dictionary<string, string> TypeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["单选"] = QuestionTypes.Single, ["单选题"] = QuestionTypes.Single, ["多选"] = QuestionTypes.Multiple, ["多选题"] = QuestionTypes.Multiple,
        ["判断"] = QuestionTypes.TrueFalse, ["判断题"] = QuestionTypes.TrueFalse, ["填空"] = QuestionTypes.FillIn, ["填空题"] = QuestionTypes.FillIn,
        [QuestionTypes.Single] = QuestionTypes.Single, [QuestionTypes.Multiple] = QuestionTypes.Multiple,
        [QuestionTypes.TrueFalse] = QuestionTypes.TrueFalse, [QuestionTypes.FillIn] = QuestionTypes.FillIn,
    };

    private static readonly Dictionary<string, string> TypeNames = new()
    {
        [QuestionTypes.Single] = "单选", [QuestionTypes.Multiple] = "多选", [QuestionTypes.TrueFalse] = "判断", [QuestionTypes.FillIn] = "填空",
    };

    public async Task<ImportReport> ImportAsync(Account editor, int bankId, string fileId, bool dryRun, CancellationToken ct)
    {
        var (sheet, refusal) = await ImportSheet.ReadAsync(db, editor, fileId, MaxRows, ct);
        if (sheet is null) return ImportReport.Refused("fileId", refusal!);
        var columns = Headers.ToDictionary(h => h.Field, h => sheet.Column(h.Headers));
        foreach (var required in new[] { "type", "topic", "difficulty", "text", "answer" })
            if (columns[required] is null) return ImportReport.Refused("fileId", $"the first row must name the columns {Columns}");
        string Column(string field) => columns[field] ?? Headers.Single(h => h.Field == field).Headers[0];

        var errors = new List<ImportRowError>();
        var questions = new List<BankQuestion>();
        var read = 0;
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var row = sheet.Rows[i];
            var cells = Headers.ToDictionary(h => h.Field, h => ImportSheet.Cell(row, columns[h.Field]));
            if (cells.Values.All(v => v is null)) continue;
            read++;
            var number = i + 2; // the header is row 1
            if (cells["type"] is not { } typeText || !TypeWords.TryGetValue(typeText, out var type))
            {
                errors.Add(new(number, Column("type"), $"'{cells["type"]}' is not a type: 单选, 多选, 判断 or 填空"));
                continue;
            }
            if (cells["difficulty"] is { } d && !int.TryParse(d, out _))
            {
                errors.Add(new(number, Column("difficulty"), $"'{d}' is not a number from 1 to 5"));
                continue;
            }
            var input = new QuestionInput(type, cells["topic"], int.TryParse(cells["difficulty"], out var level) ? level : null, cells["text"],
                cells["options"]?.Split('|', '\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList(), AnswerOf(type, cells["answer"]), cells["explanation"]);
            var (question, field, reason) = QuestionCheck.Check(input);
            if (question is null) errors.Add(new(number, Column(field!), reason!));
            else questions.Add(question);
        }
        if (dryRun || errors.Count > 0) return new ImportReport(dryRun, read, 0, errors, null);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var q in questions)
        {
            q.BankId = bankId;
            q.CreatedAt = now;
        }
        db.BankQuestions.AddRange(questions);
        AuditLog.Append(db, editor.UserName!, "questionBank.imported", $"questionBank:{bankId}", await QuestionBanks.OrgOfAsync(db, bankId, ct), new JsonObject { ["questions"] = questions.Count, ["file"] = fileId });
        await db.SaveChangesAsync(ct);
        return new ImportReport(false, read, questions.Count, [], null);
    }

    public async Task<byte[]> ExportAsync(int bankId, CancellationToken ct)
    {
        var rows = db.BankQuestions.Where(q => q.BankId == bankId).OrderBy(q => q.Id).AsEnumerable().Select(q => new Dictionary<string, object?>
        {
            ["题型"] = TypeNames[q.Type], ["主题"] = q.Topic, ["难度"] = q.Difficulty, ["题目"] = q.Text,
            ["选项"] = q.Type is QuestionTypes.TrueFalse or QuestionTypes.FillIn ? "" : string.Join("|", QuestionKeys.Options(q).Select(o => o.Label)),
            ["答案"] = AnswerText(q), ["解析"] = q.Explanation,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, excelType: ExcelType.XLSX, cancellationToken: ct);
        return stream.ToArray();
    }

    private static JsonNode? AnswerOf(string type, string? text) => text is null ? null : type switch
    {
        QuestionTypes.Multiple => new JsonArray(text.Replace(",", "").Replace("，", "").Replace(" ", "").ToUpperInvariant().Select(c => (JsonNode)c.ToString()).ToArray()),
        QuestionTypes.FillIn => new JsonArray(text.Split('|').Select(t => (JsonNode)t.Trim()).ToArray()),
        QuestionTypes.TrueFalse => text.Trim() switch { "对" or "正确" or "√" or "true" or "TRUE" or "True" => "true", "错" or "错误" or "×" or "false" or "FALSE" or "False" => "false", var other => other },
        _ => text.Trim().ToUpperInvariant(),
    };

    private static string AnswerText(BankQuestion q)
    {
        var key = QuestionKeys.Key(q);
        return q.Type switch
        {
            QuestionTypes.Multiple => string.Concat(key.AsArray().Select(k => (string)k!)),
            QuestionTypes.FillIn => string.Join("|", key.AsArray().Select(k => (string)k!)),
            QuestionTypes.TrueFalse => (string)key! == "true" ? "对" : "错",
            _ => (string)key!,
        };
    }
}

internal sealed record ImportQuestionsRequest(string? FileId = null, bool DryRun = false);
