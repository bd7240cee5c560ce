using System.Text.Json.Nodes;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Training;
using FormFlow.Server.Effects;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>
/// <c>addBankQuestion</c> (question collection): an accepted proposal enters the named bank of the org the step
/// resolved — created there when that org has no bank of the name — credited to the proposer. The question is
/// checked as an editor's is (<see cref="QuestionCheck"/>); a bad one fails the effect naming the field, and nothing
/// is added. Once: a retry finds the question by the effect's key.
/// </summary>
internal sealed class CollectedQuestionHandler : IEffectHandler
{
    public string Kind => "addBankQuestion";

    public async Task HandleAsync(EffectRequest request, CancellationToken ct)
    {
        var db = request.Db;
        if (await db.BankQuestions.AnyAsync(q => q.IdempotencyKey == request.IdempotencyKey, ct)) return;
        var payload = request.Item.Payload;
        var (question, field, reason) = QuestionCheck.Check(Input(payload));
        if (question is null) throw new InvalidOperationException($"{Kind}: the proposed question's {field} is not valid: {reason}");
        var bankName = EffectPayload.RequiredString(payload, "bank", Kind).Trim();
        if (bankName.Length > QuestionBanks.MaxNameLength) throw new InvalidOperationException($"{Kind}: bank is longer than {QuestionBanks.MaxNameLength} characters");
        var orgId = int.TryParse(Text(payload["org"]), out var named) && await db.OrgUnits.AnyAsync(o => o.Id == named, ct)
            ? named : request.ApplicantOrgUnitId;
        var now = request.Now.UtcDateTime;

        var bank = await db.QuestionBanks.Where(b => b.OrgUnitId == orgId && b.Name == bankName).OrderBy(b => b.Id).FirstOrDefaultAsync(ct);
        if (bank is null)
        {
            bank = new QuestionBank { OrgUnitId = orgId, Name = bankName, CreatedAt = now };
            db.QuestionBanks.Add(bank);
            AuditLog.Append(db, AuditLog.SystemActor, "questionBank.created", $"case:{request.CaseId}", orgId, new JsonObject { ["name"] = bankName, ["org"] = orgId });
        }
        question.Bank = bank;
        question.CreatedAt = now;
        question.ProposedByAccountId = EffectPayload.Account(request);
        question.SourceCaseId = request.CaseId;
        question.IdempotencyKey = request.IdempotencyKey;
        db.BankQuestions.Add(question);
        AuditLog.Append(db, AuditLog.SystemActor, "question.collected", $"case:{request.CaseId}", orgId,
            new JsonObject { ["bank"] = bankName, ["proposer"] = question.ProposedByAccountId });
    }

    private static QuestionInput Input(JsonObject payload) => new(
        Text(payload["type"]), Text(payload["topic"]), Difficulty(payload["difficulty"]), Text(payload["text"]),
        payload["options"] is JsonArray options ? options.Select(Text).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o!).ToList() : null,
        payload["answer"]?.DeepClone(), Text(payload["explanation"]));

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A choice field stores "3"; a number field 3.</summary>
    private static int? Difficulty(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<int>(out var n) ? n : v.TryGetValue<double>(out var d) && d == Math.Floor(d) ? (int)d : int.TryParse(Text(v), out var t) ? t : null
        : null;
}
