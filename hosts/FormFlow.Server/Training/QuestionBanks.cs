using FormFlow.Persistence;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Training;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>
/// Question banks for their editors: the banks an editor sees (their own org's and below, and those above it, which
/// they read but do not edit), creating a bank, adding and changing questions. Every change is checked first and
/// writes nothing when refused.
/// </summary>
internal sealed class QuestionBanks(FormFlowDbContext db, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    /// <summary>Banks of orgs an editor manages or that sit above one they manage (shared down the hierarchy).</summary>
    public async Task<List<BankView>> VisibleAsync(Account editor, CancellationToken ct)
    {
        var banks = await db.QuestionBanks.AsNoTracking().Join(db.OrgUnits, b => b.OrgUnitId, o => o.Id, (b, o) => new { b, o })
            .OrderBy(x => x.b.Id).ToListAsync(ct);
        var counts = await db.BankQuestions.GroupBy(q => q.BankId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return banks.Where(x => TrainingAccess.Manages(editor, x.o) || Above(editor, x.o))
            .Select(x => new BankView(x.b.Id, x.b.Name, x.o.Id, x.o.Name, TrainingAccess.Manages(editor, x.o), counts.GetValueOrDefault(x.b.Id)))
            .ToList();
    }

    public async Task<Outcome<BankView>> CreateAsync(Account editor, CreateBankRequest body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > MaxNameLength)
            return FieldProblem.Invalid("name", $"a name of 1 to {MaxNameLength} characters is required");
        var (org, refused) = await TrainingEdits.ManagedOrgAsync(db, editor, body.OrgUnitId, ct);
        if (org is null) return refused!;
        var bank = new QuestionBank { OrgUnitId = org.Id, Name = body.Name.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        await TrainingEdits.AddAuditedAsync(db, editor, bank, org, "questionBank.created", b => $"questionBank:{b.Id}", b => new JsonObject { ["name"] = b.Name, ["org"] = b.OrgUnitId }, ct);
        return Outcome<BankView>.Done(new BankView(bank.Id, bank.Name, org.Id, org.Name, true, 0));
    }

    /// <summary>A bank the editor sees, with whether they may change it; null when they do not see it.</summary>
    public async Task<(QuestionBank Bank, bool Editable)?> FindAsync(Account editor, int id, CancellationToken ct)
    {
        var found = await db.QuestionBanks.AsNoTracking().Join(db.OrgUnits, b => b.OrgUnitId, o => o.Id, (b, o) => new { b, o })
            .SingleOrDefaultAsync(x => x.b.Id == id, ct);
        if (found is null) return null;
        if (TrainingAccess.Manages(editor, found.o)) return (found.b, true);
        return Above(editor, found.o) ? (found.b, false) : null;
    }

    /// <summary>The unit owning a bank: where its audit entries belong.</summary>
    internal static async Task<int?> OrgOfAsync(FormFlowDbContext db, int bankId, CancellationToken ct) =>
        await db.QuestionBanks.Where(b => b.Id == bankId).Select(b => (int?)b.OrgUnitId).SingleOrDefaultAsync(ct);

    /// <summary>
    /// A bank's questions, each with the worker credited when it came from question collection. Only the bank's own
    /// editors read its keys and explanations: an editor of a unit below the owner draws from the bank but sees its
    /// questions without them (their own additions are in their own unit's bank, keys and all).
    /// </summary>
    public async Task<List<QuestionEditView>> QuestionsAsync(int bankId, bool withKeys, CancellationToken ct)
    {
        var rows = await db.BankQuestions.AsNoTracking().Where(q => q.BankId == bankId).OrderBy(q => q.Id)
            .GroupJoin(db.Users, q => q.ProposedByAccountId, a => a.Id, (q, a) => new { q, a })
            .SelectMany(x => x.a.DefaultIfEmpty(), (x, a) => new { x.q, Proposer = a == null ? null : a.DisplayName })
            .ToListAsync(ct);
        return rows.Select(r => QuestionEditView.From(r.q, r.Proposer, withKeys)).ToList();
    }

    public async Task<Outcome<QuestionEditView>> AddAsync(Account editor, int bankId, QuestionInput input, CancellationToken ct)
    {
        var (question, field, reason) = await CheckAsync(editor, input, ct);
        if (question is null) return FieldProblem.Invalid(field!, reason!);
        question.BankId = bankId;
        question.CreatedAt = clock.GetUtcNow().UtcDateTime;
        // One transaction: the row and its audit entry, which names the row's ID.
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        db.BankQuestions.Add(question);
        await db.SaveChangesAsync(ct);
        AuditLog.Append(db, editor.UserName!, "question.added", $"questionBank:{bankId}", await OrgOfAsync(db, bankId, ct), new JsonObject { ["question"] = question.Id });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<QuestionEditView>.Done(QuestionEditView.From(question));
    }

    public async Task<Outcome<QuestionEditView>?> ChangeAsync(Account editor, int bankId, long questionId, QuestionInput input, CancellationToken ct)
    {
        if (await db.BankQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.BankId == bankId, ct) is not { } stored) return null;
        var (question, field, reason) = await CheckAsync(editor, input, ct);
        if (question is null) return FieldProblem.Invalid(field!, reason!);
        (stored.Type, stored.Topic, stored.Difficulty, stored.Text, stored.Options, stored.Answer, stored.Explanation, stored.ImageFileId) =
            (question.Type, question.Topic, question.Difficulty, question.Text, question.Options, question.Answer, question.Explanation, question.ImageFileId);
        AuditLog.Append(db, editor.UserName!, "question.changed", $"questionBank:{bankId}", await OrgOfAsync(db, bankId, ct), new JsonObject { ["question"] = stored.Id });
        await db.SaveChangesAsync(ct);
        return Outcome<QuestionEditView>.Done(QuestionEditView.From(stored));
    }

    public async Task<bool> RemoveAsync(Account editor, int bankId, long questionId, CancellationToken ct)
    {
        if (await db.BankQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.BankId == bankId, ct) is not { } stored) return false;
        db.BankQuestions.Remove(stored);
        AuditLog.Append(db, editor.UserName!, "question.removed", $"questionBank:{bankId}", await OrgOfAsync(db, bankId, ct), new JsonObject { ["question"] = questionId, ["text"] = stored.Text });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<(BankQuestion?, string?, string?)> CheckAsync(Account editor, QuestionInput input, CancellationToken ct)
    {
        var checkedQuestion = QuestionCheck.Check(input);
        if (checkedQuestion.Question?.ImageFileId is { } fileId && !await db.Files.AnyAsync(f => f.Id == fileId && f.OwnerAccountId == editor.Id, ct))
            return (null, "imageFileId", $"no file '{fileId}' uploaded by you");
        return checkedQuestion;
    }

    private static bool Above(Account account, OrgUnit org) =>
        account.Roles.Any(r => r.Role is Roles.Designer or Roles.Admin && OrgSubtree.Contains(org.Path, r.OrgUnit!.Path));
}

internal sealed record CreateBankRequest(int OrgUnitId = 0, string? Name = null);

/// <param name="Editable">Whether I may change it (my org or below); a bank above mine I only read and draw from.</param>
internal sealed record BankView(int Id, string Name, int OrgUnitId, string OrgName, bool Editable, int Questions);

/// <summary>A question as its editors see it: with its key and explanation for the bank's own editors, without them (null) for editors below.</summary>
/// <param name="ProposedBy">The worker credited when the question came from question collection (their display name); null when an editor wrote it.</param>
internal sealed record QuestionEditView(
    long Id, string Type, string Topic, int Difficulty, string Text, List<QuestionOption> Options, System.Text.Json.Nodes.JsonNode? Answer,
    string? Explanation, string? ImageFileId, string? ProposedBy = null)
{
    public static QuestionEditView From(BankQuestion q) => From(q, null, withKey: true);

    public static QuestionEditView From(BankQuestion q, string? proposedBy, bool withKey) => new(q.Id, q.Type, q.Topic, q.Difficulty, q.Text,
        QuestionKeys.Options(q), withKey ? QuestionKeys.Key(q) : null, withKey ? q.Explanation : null, q.ImageFileId, proposedBy);
}
