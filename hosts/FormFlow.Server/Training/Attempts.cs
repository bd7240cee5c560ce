using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Training;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>
/// A participant's practice run or contest attempt: reading it, answering, finishing. The keys never leave: a practice
/// answer is told right or wrong with the key and explanation of that question once answered; a contest answer is
/// only stored, before the server's deadline, and scored when the attempt finishes (by the participant, or when the
/// deadline has passed and the attempt is next touched). A finished contest attempt updates the participant's best.
/// </summary>
internal sealed class Attempts(FormFlowDbContext db, TimeProvider clock, ContestPulse pulse)
{
    public Task<QuizAttempt?> FindAsync(Account account, long id, CancellationToken ct) =>
        db.QuizAttempts.SingleOrDefaultAsync(a => a.Id == id && a.AccountId == account.Id, ct);

    public async Task<AttemptView> ViewAsync(QuizAttempt attempt, CancellationToken ct)
    {
        if (IsOverdue(attempt)) await FinishAsync(attempt, ct);
        var questions = await QuestionsAsync(attempt, ct);
        var answers = AnswersOf(attempt);
        var now = clock.GetUtcNow().UtcDateTime;
        var feedback = questions.Where(q => answers.ContainsKey(q.Id.ToString())).Select(q => Feedback(attempt, q, answers[q.Id.ToString()])).ToList();
        return new AttemptView(attempt.Id, attempt.ContestId is null ? "practice" : "contest", attempt.TrainingId, attempt.Level, attempt.ContestId,
            questions.Select(ParticipantQuestion.From).ToList(), feedback, attempt.StartedAt, attempt.Deadline, now,
            attempt.Deadline is { } d ? (int)Math.Max(0, Math.Ceiling((d - now).TotalSeconds)) : null,
            attempt.FinishedAt, attempt.FinishedAt is null ? null : attempt.Score, questions.Count,
            attempt.FinishedAt is null || attempt.ContestId is not null ? null : attempt.Passed, TimeUsedMs(attempt));
    }

    /// <summary>
    /// Takes one answer. Refused: after the deadline (422, rule <c>deadline</c>), once finished (409, rule
    /// <c>finished</c>), a question not in the attempt or an answer of the wrong shape (422, field), a practice question
    /// answered already (409, rule <c>answered</c>: its key is known by then). A contest answer may be changed until the deadline.
    /// </summary>
    public async Task<Outcome<AnswerFeedback>> AnswerAsync(QuizAttempt attempt, AnswerRequest body, CancellationToken ct)
    {
        if (IsOverdue(attempt))
        {
            await FinishAsync(attempt, ct);
            return new FieldProblem(StatusCodes.Status422UnprocessableEntity, "Too late",
                $"attempt {attempt.Id} closed at its deadline {attempt.Deadline:u} by the server's clock; the answer was not taken (rule deadline)", null);
        }
        if (attempt.FinishedAt is not null)
            return new FieldProblem(StatusCodes.Status409Conflict, "Attempt finished", $"attempt {attempt.Id} is finished (rule finished)", null);
        var ids = IdsOf(attempt);
        if (!ids.Contains(body.QuestionId)) return FieldProblem.Invalid("questionId", $"question {body.QuestionId} is not in attempt {attempt.Id}");
        var question = await db.BankQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == body.QuestionId, ct);
        if (question is null) return FieldProblem.Invalid("questionId", $"question {body.QuestionId} was removed from its bank");
        if (QuestionKeys.ShapeProblem(question, body.Answer) is { } shape) return FieldProblem.Invalid("answer", shape);
        var answers = AnswersOf(attempt);
        var key = body.QuestionId.ToString();
        if (attempt.ContestId is null && answers.ContainsKey(key))
            return new FieldProblem(StatusCodes.Status409Conflict, "Answered already", $"question {body.QuestionId} is answered; practice takes one answer per question (rule answered)", "questionId");
        answers[key] = body.Answer!.DeepClone();
        attempt.Answers = answers.ToJsonString();
        attempt.Version++;
        if (attempt.ContestId is null && answers.Count == ids.Count) await ScoreAsync(attempt, ct);
        await db.SaveChangesAsync(ct);
        if (attempt.ContestId is { } contestId) pulse.Answered(contestId);
        return Outcome<AnswerFeedback>.Done(Feedback(attempt, question, answers[key]));
    }

    /// <summary>Scores and closes the attempt (and, for a contest, keeps it as the participant's best when it is).</summary>
    public async Task FinishAsync(QuizAttempt attempt, CancellationToken ct)
    {
        if (attempt.FinishedAt is not null) return;
        // The attempt, the best score and the union's figures change together or not at all.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.BeginWriteTransactionAsync(ct) : null;
        await ScoreAsync(attempt, ct);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    private async Task ScoreAsync(QuizAttempt attempt, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var questions = await QuestionsAsync(attempt, ct);
        var answers = AnswersOf(attempt);
        attempt.Score = questions.Count(q => QuestionKeys.IsRight(q, answers[q.Id.ToString()]));
        attempt.FinishedAt = attempt.Deadline is { } d && d < now ? d : now;
        attempt.OpenFor = null;
        attempt.Version++;
        if (attempt.TrainingId is { } trainingId && attempt.Level is { } level)
        {
            var training = await db.TrainingCourses.AsNoTracking().SingleAsync(t => t.Id == trainingId, ct);
            attempt.Passed = attempt.Score * 100 >= Trainings.PassPercentOf(training, level) * Math.Max(1, questions.Count);
        }
        if (attempt.ContestId is { } contestId) await KeepBestAsync(contestId, attempt, ct);
    }

    private async Task KeepBestAsync(int contestId, QuizAttempt attempt, CancellationToken ct)
    {
        var used = TimeUsedMs(attempt);
        var best = await db.ContestBests.SingleOrDefaultAsync(b => b.ContestId == contestId && b.AccountId == attempt.AccountId, ct);
        if (best is null)
        {
            db.ContestBests.Add(new ContestBest
            {
                ContestId = contestId, AccountId = attempt.AccountId, OrgUnitId = attempt.OrgUnitId, Score = attempt.Score, TimeUsedMs = used,
                AttemptId = attempt.Id, AchievedAt = attempt.FinishedAt!.Value,
            });
            await UnionScores.AddAsync(db, contestId, attempt.OrgUnitId, 1, attempt.Score, used, ct);
            await ScoreCounts.ApplyAsync(db, contestId, [new(attempt.OrgUnitId, attempt.Score, 1)], ct);
        }
        else if (attempt.Score > best.Score || (attempt.Score == best.Score && used < best.TimeUsedMs))
        {
            if (best.OrgUnitId == attempt.OrgUnitId)
                await UnionScores.AddAsync(db, contestId, best.OrgUnitId, 0, attempt.Score - best.Score, used - best.TimeUsedMs, ct);
            else
            {
                // The member moved to another union between attempts: their best counts there now.
                await UnionScores.AddAsync(db, contestId, best.OrgUnitId, -1, -best.Score, -best.TimeUsedMs, ct);
                await UnionScores.AddAsync(db, contestId, attempt.OrgUnitId, 1, attempt.Score, used, ct);
            }
            await ScoreCounts.ApplyAsync(db, contestId, [new(best.OrgUnitId, best.Score, -1), new(attempt.OrgUnitId, attempt.Score, 1)], ct);
            (best.Score, best.TimeUsedMs, best.AttemptId, best.AchievedAt, best.OrgUnitId) = (attempt.Score, used, attempt.Id, attempt.FinishedAt!.Value, attempt.OrgUnitId);
        }
    }

    private bool IsOverdue(QuizAttempt attempt) => attempt.FinishedAt is null && attempt.Deadline is { } d && clock.GetUtcNow().UtcDateTime >= d;

    private static long TimeUsedMs(QuizAttempt attempt) =>
        attempt.FinishedAt is { } f ? (long)(f - attempt.StartedAt).TotalMilliseconds : 0;

    /// <summary>A contest reveals only right or wrong, and only once finished; practice reveals the key and explanation of an answered question.</summary>
    private static AnswerFeedback Feedback(QuizAttempt attempt, BankQuestion q, JsonNode? given)
    {
        if (attempt.ContestId is not null)
            return new AnswerFeedback(q.Id, given?.DeepClone(), attempt.FinishedAt is null ? null : QuestionKeys.IsRight(q, given), null, null);
        return new AnswerFeedback(q.Id, given?.DeepClone(), QuestionKeys.IsRight(q, given), QuestionKeys.Key(q), q.Explanation);
    }

    private async Task<List<BankQuestion>> QuestionsAsync(QuizAttempt attempt, CancellationToken ct)
    {
        var ids = IdsOf(attempt);
        var found = await db.BankQuestions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    private static List<long> IdsOf(QuizAttempt attempt) => JsonSerializer.Deserialize<List<long>>(attempt.QuestionIds)!;

    private static JsonObject AnswersOf(QuizAttempt attempt) => JsonNode.Parse(attempt.Answers)!.AsObject();
}
