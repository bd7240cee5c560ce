using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>Question banks, trainings, contests, attempts and leaderboards over HTTP; the work is in the classes named for each.</summary>
internal static class TrainingEndpoints
{
    public static void MapTrainingEndpoints(this IEndpointRouteBuilder app)
    {
        var banks = app.MapGroup("/api/question-banks").WithTags("Training").RequireAuthorization().ProducesProblem(401);
        banks.MapGet("/", ListBanksAsync).WithSummary("Question banks I edit (my org and below) and those above me that I draw from (editable false).");
        banks.MapPost("/", CreateBankAsync).ProducesProblem(422).WithSummary("Creates a bank owned by an org I manage as designer or admin.");
        banks.MapGet("/{id:int}/questions", QuestionsAsync).ProducesProblem(404).WithSummary("A bank's questions and who proposed each (question collection); keys and explanations only for the bank's own editors — editors of units below it get them null.");
        banks.MapPost("/{id:int}/questions", AddQuestionAsync).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422)
            .WithSummary("Adds a question: type single|multiple|trueFalse|fillIn, topic, difficulty 1-5, text, options (labels; their values are A, B, C ...), answer, explanation, imageFileId.");
        banks.MapPut("/{id:int}/questions/{questionId:long}", ChangeQuestionAsync).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422)
            .WithSummary("Changes a question (the same body as adding one).");
        banks.MapDelete("/{id:int}/questions/{questionId:long}", RemoveQuestionAsync).ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Removes a question from its bank.");
        banks.MapPost("/{id:int}/import", ImportAsync).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422)
            .WithSummary($"Imports questions from an Excel file I uploaded (POST /api/files): columns {BankSheets.Columns}. {{ fileId, dryRun }}: a dry run lists every bad row (row, column, reason) and writes nothing; the real run adds every row, or none when a row is wrong (422 with the errors).");
        banks.MapGet("/{id:int}/export", ExportAsync).ProducesProblem(403).ProducesProblem(404).Produces(200, contentType: BankSheets.ContentType)
            .WithSummary("The bank's questions, keys included, as an Excel workbook in the import's columns: for the bank's own editors (403 below it).");

        var trainings = app.MapGroup("/api/trainings").WithTags("Training").RequireAuthorization().ProducesProblem(401);
        trainings.MapGet("/", ListTrainingsAsync).WithSummary("Trainings of the orgs on my chain (and below, for editors), each level with its lock state for me.");
        trainings.MapPost("/", CreateTrainingAsync).ProducesProblem(422).WithSummary("Creates a level-by-level training at an org I manage.");
        trainings.MapGet("/{id:int}", GetTrainingAsync).ProducesProblem(404).WithSummary("One training with my progress.");
        trainings.MapPost("/{id:int}/levels/{level:int}/attempts", StartPracticeAsync).ProducesProblem(404).ProducesProblem(422)
            .WithSummary("Starts practising a level (422 rule levelLocked until the level before it is passed): questions drawn for me, without keys.");

        var contests = app.MapGroup("/api/contests").WithTags("Training").RequireAuthorization().ProducesProblem(401);
        contests.MapGet("/", ListContestsAsync).WithSummary("Contests of the orgs on my chain, with the server's clock and my attempts.");
        contests.MapPost("/", CreateContestAsync).ProducesProblem(422).WithSummary("Creates a timed contest at an org I manage.");
        contests.MapGet("/{id:int}", GetContestAsync).ProducesProblem(404).WithSummary("One contest with the server's clock and my attempts.");
        contests.MapPost("/{id:int}/attempts", StartContestAsync).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Starts an attempt with a server-side deadline: 422 outside the window (rule window) or with no attempts left (rule attempts), 409 while another attempt of mine is open (rule oneOpenAttempt).");
        contests.MapGet("/{id:int}/leaderboard", LeaderboardAsync).ProducesProblem(404).ProducesProblem(422)
            .WithSummary($"The ranking in a subtree (orgUnitId, default the contest's org): by=people (best score, then less time) or by=unions (mean of members' best scores); limit 1-{Leaderboards.MaxLines}; me is my line or my union's.");
        contests.MapPost("/{id:int}/settle", SettleAsync).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422)
            .WithSummary("After the window closes: finishes open attempts, credits the places' points and publishes the results to the feed (for the contest's editors; idempotent).");

        var attempts = app.MapGroup("/api/attempts").WithTags("Training").RequireAuthorization().ProducesProblem(401);
        attempts.MapGet("/{id:long}", GetAttemptAsync).ProducesProblem(404).WithSummary("My attempt: its questions (no keys), my answers, the server's clock and deadline.");
        attempts.MapPost("/{id:long}/answers", AnswerAsync).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Answers one question. Practice: tells right or wrong with this question's key and explanation. Contest: stored only, refused after the server's deadline (422 rule deadline).");
        attempts.MapPost("/{id:long}/finish", FinishAsync).ProducesProblem(404).WithSummary("Scores and closes my attempt on the server.");
    }

    private static async Task<Ok<List<BankView>>> ListBanksAsync(FormFlowDbContext db, QuestionBanks banks, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await AccountAsync(db, http, ct) is { } account ? await banks.VisibleAsync(account, ct) : []);

    private static async Task<Results<Created<BankView>, ProblemHttpResult>> CreateBankAsync(
        CreateBankRequest body, FormFlowDbContext db, QuestionBanks banks, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        var outcome = await banks.CreateAsync(account, body, ct);
        return outcome.Value is { } bank ? TypedResults.Created($"/api/question-banks/{bank.Id}", bank) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<List<QuestionEditView>>, ProblemHttpResult>> QuestionsAsync(
        int id, FormFlowDbContext db, QuestionBanks banks, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        if (await banks.FindAsync(account, id, ct) is not { } found) return NotFound("question bank", id);
        return TypedResults.Ok(await banks.QuestionsAsync(found.Bank.Id, found.Editable, ct));
    }

    private static async Task<Results<Created<QuestionEditView>, ProblemHttpResult>> AddQuestionAsync(
        int id, QuestionInput body, FormFlowDbContext db, QuestionBanks banks, HttpContext http, CancellationToken ct)
    {
        if (await EditableAsync(id, db, banks, http, ct) is { } refused) return refused.Problem;
        var outcome = await banks.AddAsync((await AccountAsync(db, http, ct))!, id, body, ct);
        return outcome.Value is { } q ? TypedResults.Created($"/api/question-banks/{id}/questions/{q.Id}", q) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<QuestionEditView>, ProblemHttpResult>> ChangeQuestionAsync(
        int id, long questionId, QuestionInput body, FormFlowDbContext db, QuestionBanks banks, HttpContext http, CancellationToken ct)
    {
        if (await EditableAsync(id, db, banks, http, ct) is { } refused) return refused.Problem;
        var outcome = await banks.ChangeAsync((await AccountAsync(db, http, ct))!, id, questionId, body, ct);
        if (outcome is null) return NotFound("question", questionId);
        return outcome.Value is { } q ? TypedResults.Ok(q) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveQuestionAsync(
        int id, long questionId, FormFlowDbContext db, QuestionBanks banks, HttpContext http, CancellationToken ct)
    {
        if (await EditableAsync(id, db, banks, http, ct) is { } refused) return refused.Problem;
        return await banks.RemoveAsync((await AccountAsync(db, http, ct))!, id, questionId, ct) ? TypedResults.NoContent() : NotFound("question", questionId);
    }

    private static async Task<Results<Ok<ImportView>, Created<ImportView>, ProblemHttpResult>> ImportAsync(
        int id, ImportQuestionsRequest body, FormFlowDbContext db, QuestionBanks banks, BankSheets sheets, HttpContext http, CancellationToken ct)
    {
        if (await EditableAsync(id, db, banks, http, ct) is { } refused) return refused.Problem;
        var report = await sheets.ImportAsync((await AccountAsync(db, http, ct))!, id, body.FileId ?? "", body.DryRun, ct);
        return report.ToResult($"/api/question-banks/{id}/questions");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        int id, FormFlowDbContext db, QuestionBanks banks, BankSheets sheets, HttpContext http, CancellationToken ct)
    {
        if (await EditableAsync(id, db, banks, http, ct) is { } refused) return refused.Problem;
        return TypedResults.File(await sheets.ExportAsync(id, ct), BankSheets.ContentType, $"question-bank-{id}.xlsx");
    }

    private static async Task<Ok<List<TrainingView>>> ListTrainingsAsync(FormFlowDbContext db, Trainings trainings, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await AccountAsync(db, http, ct) is { } account ? await trainings.VisibleAsync(account, ct) : []);

    private static async Task<Results<Created<TrainingView>, ProblemHttpResult>> CreateTrainingAsync(
        CreateTrainingRequest body, FormFlowDbContext db, Trainings trainings, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        var outcome = await trainings.CreateAsync(account, body, ct);
        return outcome.Value is { } t ? TypedResults.Created($"/api/trainings/{t.Id}", t) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<TrainingView>, ProblemHttpResult>> GetTrainingAsync(
        int id, FormFlowDbContext db, Trainings trainings, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        if (await trainings.FindAsync(account, id, ct) is not { } found) return NotFound("training", id);
        return TypedResults.Ok(await trainings.ViewAsync(found.Training, found.Org, account.Id, ct));
    }

    private static async Task<Results<Created<AttemptView>, ProblemHttpResult>> StartPracticeAsync(
        int id, int level, FormFlowDbContext db, Trainings trainings, Attempts attempts, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        if (await trainings.FindAsync(account, id, ct) is not { } found) return NotFound("training", id);
        var outcome = await trainings.StartAsync(account, found.Training, found.Org, level, ct);
        if (outcome is null) return NotFound("level", level);
        return outcome.Value is { } attempt ? TypedResults.Created($"/api/attempts/{attempt.Id}", await attempts.ViewAsync(attempt, ct)) : outcome.Problem!.ToResult();
    }

    private static async Task<Ok<List<ContestView>>> ListContestsAsync(FormFlowDbContext db, Contests contests, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await AccountAsync(db, http, ct) is { } account ? await contests.VisibleAsync(account, ct) : []);

    private static async Task<Results<Created<ContestView>, ProblemHttpResult>> CreateContestAsync(
        CreateContestRequest body, FormFlowDbContext db, Contests contests, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        var outcome = await contests.CreateAsync(account, body, ct);
        return outcome.Value is { } c ? TypedResults.Created($"/api/contests/{c.Id}", c) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<ContestView>, ProblemHttpResult>> GetContestAsync(
        int id, FormFlowDbContext db, Contests contests, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        if (await contests.FindAsync(account, id, ct) is not { } found) return NotFound("contest", id);
        return TypedResults.Ok(await contests.ViewAsync(found.Contest, found.Org, account.Id, ct));
    }

    private static async Task<Results<Created<AttemptView>, ProblemHttpResult>> StartContestAsync(
        int id, FormFlowDbContext db, Contests contests, Attempts attempts, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        if (await contests.FindAsync(account, id, ct) is not { } found) return NotFound("contest", id);
        var outcome = await contests.StartAsync(account, found.Contest, found.Org, ct);
        return outcome.Value is { } attempt ? TypedResults.Created($"/api/attempts/{attempt.Id}", await attempts.ViewAsync(attempt, ct)) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<LeaderboardView>, ProblemHttpResult>> LeaderboardAsync(
        int id, string? by, int? orgUnitId, int? limit, FormFlowDbContext db, Contests contests, Leaderboards leaderboards, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        if (await contests.FindAsync(account, id, ct) is not { } found) return NotFound("contest", id);
        if (by is not (null or "people" or "unions")) return FieldProblem.Invalid("by", "people or unions").ToResult();
        if (limit is < 1 or > Leaderboards.MaxLines) return FieldProblem.Invalid("limit", $"1 to {Leaderboards.MaxLines}").ToResult();
        var scope = found.Org;
        if (orgUnitId is { } scopeId)
        {
            if (await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == scopeId, ct) is not { } chosen)
                return FieldProblem.Invalid("orgUnitId", $"org {scopeId} does not exist").ToResult();
            scope = chosen;
        }
        return TypedResults.Ok(by == "unions"
            ? await leaderboards.UnionsAsync(found.Contest, scope, TrainingAccess.UnionOf(account)?.Id, limit ?? 20, ct)
            : await leaderboards.PeopleAsync(found.Contest, scope, account.Id, limit ?? 20, ct));
    }

    private static async Task<Results<Ok<SettlementView>, ProblemHttpResult>> SettleAsync(
        int id, FormFlowDbContext db, Contests contests, ContestSettlement settlement, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        if (await contests.FindAsync(account, id, ct) is not { } found) return NotFound("contest", id);
        if (!TrainingAccess.Manages(account, found.Org)) return Forbidden($"contest {id} is settled by designers and admins of {found.Org.Name} or above");
        var outcome = await settlement.SettleAsync(found.Contest, found.Org, account.Id, account.UserName!, ct);
        return outcome.Value is { } done ? TypedResults.Ok(done) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<AttemptView>, ProblemHttpResult>> GetAttemptAsync(
        long id, FormFlowDbContext db, Attempts attempts, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        if (await attempts.FindAsync(account, id, ct) is not { } attempt) return NotFound("attempt", id);
        return TypedResults.Ok(await attempts.ViewAsync(attempt, ct));
    }

    private static async Task<Results<Ok<AnswerFeedback>, ProblemHttpResult>> AnswerAsync(
        long id, AnswerRequest body, FormFlowDbContext db, Attempts attempts, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        if (await attempts.FindAsync(account, id, ct) is not { } attempt) return NotFound("attempt", id);
        var outcome = await attempts.AnswerAsync(attempt, body, ct);
        return outcome.Value is { } feedback ? TypedResults.Ok(feedback) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<AttemptView>, ProblemHttpResult>> FinishAsync(
        long id, FormFlowDbContext db, Attempts attempts, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return CurrentAccount.Gone();
        if (await attempts.FindAsync(account, id, ct) is not { } attempt) return NotFound("attempt", id);
        await attempts.FinishAsync(attempt, ct);
        return TypedResults.Ok(await attempts.ViewAsync(attempt, ct));
    }

    private static Task<Account?> AccountAsync(FormFlowDbContext db, HttpContext http, CancellationToken ct) => CurrentAccount.LoadAsync(db, http.User, ct);

    /// <summary>Null when the signed-in account may edit the bank; else the refusal (401, 404 unseen, 403 read-only).</summary>
    private static async Task<(ProblemHttpResult Problem, bool _)?> EditableAsync(int id, FormFlowDbContext db, QuestionBanks banks, HttpContext http, CancellationToken ct)
    {
        if (await AccountAsync(db, http, ct) is not { } account) return (CurrentAccount.Gone(), false);
        if (await banks.FindAsync(account, id, ct) is not { } found) return (NotFound("question bank", id), false);
        return found.Editable ? null : (Forbidden($"question bank {id} belongs to an org above yours; you draw from it but do not edit it"), false);
    }

    private static ProblemHttpResult NotFound(string what, long id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: $"No such {what}", detail: $"{what} {id} does not exist or is not available to you");

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours to change", detail: detail);
}
