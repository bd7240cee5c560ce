using System.Text.Json;
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
/// Timed contests: an editor sets one up at an org; a participant of its subtree starts attempts while the window is
/// open, one open attempt at a time and no more than the contest allows. The server's clock sets each attempt's
/// deadline (its duration, cut at the window's close).
/// </summary>
internal sealed class Contests(FormFlowDbContext db, TimeProvider clock, Attempts attempts)
{
    public const int MaxAttempts = 20, MaxDurationSeconds = 4 * 3600, MaxPlaces = 100;

    public async Task<Outcome<ContestView>> CreateAsync(Account editor, CreateContestRequest body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Trim().Length > 200) return FieldProblem.Invalid("title", "a title of 1 to 200 characters is required");
        if (body.Topic is { Length: > 100 }) return FieldProblem.Invalid("topic", "at most 100 characters");
        if (body.Questions is < 1 or > Trainings.MaxQuestions) return FieldProblem.Invalid("questions", $"1 to {Trainings.MaxQuestions} questions");
        if (body.OpensAt is not { } opens) return FieldProblem.Invalid("opensAt", "when the window opens is required");
        if (body.ClosesAt is not { } closes || closes <= opens) return FieldProblem.Invalid("closesAt", "when the window closes is required, after opensAt");
        if (body.DurationSeconds is < 30 or > MaxDurationSeconds) return FieldProblem.Invalid("durationSeconds", $"30 to {MaxDurationSeconds} seconds per attempt");
        if (body.AttemptsAllowed is < 1 or > MaxAttempts) return FieldProblem.Invalid("attemptsAllowed", $"1 to {MaxAttempts} attempts per person");
        var places = body.PlacePoints ?? [];
        if (places.Count > MaxPlaces || places.Any(p => p is < 1 or > Persistence.Points.PointsLedger.MaxAward))
            return FieldProblem.Invalid("placePoints", $"at most {MaxPlaces} places, each worth 1 to {Persistence.Points.PointsLedger.MaxAward} points");
        var (org, refused) = await TrainingEdits.ManagedOrgAsync(db, editor, body.OrgUnitId, ct);
        if (org is null) return refused!;
        var contest = new Contest
        {
            OrgUnitId = org.Id, Title = body.Title.Trim(), Topic = string.IsNullOrWhiteSpace(body.Topic) ? null : body.Topic.Trim(), Questions = body.Questions,
            OpensAt = opens.UtcDateTime, ClosesAt = closes.UtcDateTime, DurationSeconds = body.DurationSeconds, AttemptsAllowed = body.AttemptsAllowed,
            PlacePoints = JsonSerializer.Serialize(places), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await TrainingEdits.AddAuditedAsync(db, editor, contest, org, "contest.created", c => $"contest:{c.Id}", c => new JsonObject { ["title"] = c.Title, ["org"] = c.OrgUnitId }, ct);
        return Outcome<ContestView>.Done(await ViewAsync(contest, org, editor.Id, ct));
    }

    public async Task<List<ContestView>> VisibleAsync(Account account, CancellationToken ct)
    {
        var all = await db.Contests.AsNoTracking().Join(db.OrgUnits, c => c.OrgUnitId, o => o.Id, (c, o) => new { c, o }).OrderByDescending(x => x.c.OpensAt).ToListAsync(ct);
        var reached = all.Where(x => TrainingAccess.Reaches(account, x.o)).ToList();
        var visible = reached.Where(x => !TrainingAccess.Shadowed(account, x.o, x.c.ModuleKey, reached.Select(r => (r.o, r.c.ModuleKey)))).ToList();
        // One query for my attempts at every listed contest, not one per contest.
        var ids = visible.Select(x => x.c.Id).ToList();
        var mine = (await MineAsync(db.QuizAttempts.Where(a => a.AccountId == account.Id && a.ContestId != null && ids.Contains(a.ContestId.Value)), ct))
            .ToLookup(a => a.Contest);
        return visible.Select(x => View(x.c, x.o, mine[x.c.Id].ToList())).ToList();
    }

    public async Task<(Contest Contest, OrgUnit Org)?> FindAsync(Account account, int id, CancellationToken ct)
    {
        var found = await db.Contests.AsNoTracking().Join(db.OrgUnits, c => c.OrgUnitId, o => o.Id, (c, o) => new { c, o }).SingleOrDefaultAsync(x => x.c.Id == id, ct);
        return found is not null && TrainingAccess.Reaches(account, found.o) ? (found.c, found.o) : null;
    }

    public async Task<ContestView> ViewAsync(Contest contest, OrgUnit org, string accountId, CancellationToken ct) =>
        View(contest, org, await MineAsync(db.QuizAttempts.Where(a => a.ContestId == contest.Id && a.AccountId == accountId), ct));

    private sealed record MyAttempt(int Contest, long Id, DateTime? FinishedAt);

    private static async Task<List<MyAttempt>> MineAsync(IQueryable<QuizAttempt> attempts, CancellationToken ct) =>
        await attempts.AsNoTracking().Select(a => new MyAttempt(a.ContestId!.Value, a.Id, a.FinishedAt)).ToListAsync(ct);

    private ContestView View(Contest contest, OrgUnit org, List<MyAttempt> mine)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new ContestView(contest.Id, contest.Title, org.Id, org.Name, contest.Topic, contest.Questions, contest.OpensAt, contest.ClosesAt,
            contest.DurationSeconds, contest.AttemptsAllowed, JsonSerializer.Deserialize<List<int>>(contest.PlacePoints)!,
            now >= contest.OpensAt && now < contest.ClosesAt, now, mine.Count, mine.FirstOrDefault(a => a.FinishedAt is null)?.Id, contest.SettledAt);
    }

    /// <summary>
    /// Starts an attempt. Refused with 422 outside the window (rule <c>window</c>) or when the attempts are used up
    /// (rule <c>attempts</c>), and with 409 while another contest attempt of mine is open (rule <c>oneOpenAttempt</c>):
    /// the attempt's unique open marker decides a race between two starts. An open attempt whose deadline has passed
    /// is finished first, so it does not block the next one.
    /// </summary>
    public async Task<Outcome<QuizAttempt>> StartAsync(Account account, Contest contest, OrgUnit org, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < contest.OpensAt || now >= contest.ClosesAt)
            return new FieldProblem(StatusCodes.Status422UnprocessableEntity, "Contest not open",
                $"contest {contest.Id} takes attempts from {contest.OpensAt:u} to {contest.ClosesAt:u} (rule window)", null);
        if (await db.QuizAttempts.SingleOrDefaultAsync(a => a.OpenFor == account.Id, ct) is { } open)
        {
            if (open.Deadline > now)
                return new FieldProblem(StatusCodes.Status409Conflict, "An attempt is open",
                    $"attempt {open.Id} is still open until {open.Deadline:u}: finish it first (rule oneOpenAttempt)", null);
            await attempts.FinishAsync(open, ct);
        }
        if (await db.QuizAttempts.CountAsync(a => a.ContestId == contest.Id && a.AccountId == account.Id, ct) >= contest.AttemptsAllowed)
            return new FieldProblem(StatusCodes.Status422UnprocessableEntity, "No attempts left",
                $"contest {contest.Id} allows {contest.AttemptsAllowed} attempt(s) per person (rule attempts)", null);
        var drawn = await QuestionDraw.DrawAsync(db, org, contest.BankName, contest.Topic, null, contest.Questions, ct);
        if (drawn.Count == 0)
            return new FieldProblem(StatusCodes.Status422UnprocessableEntity, "No questions", $"the banks hold no question for contest {contest.Id} (rule noQuestions)", null);
        var deadline = now.AddSeconds(contest.DurationSeconds);
        var attempt = new QuizAttempt
        {
            AccountId = account.Id, OrgUnitId = TrainingAccess.UnionOf(account)?.Id ?? org.Id, ContestId = contest.Id,
            QuestionIds = JsonSerializer.Serialize(drawn), StartedAt = now, Deadline = deadline < contest.ClosesAt ? deadline : contest.ClosesAt,
            OpenFor = account.Id,
        };
        db.QuizAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (LostRace.Is(e))
        {
            return new FieldProblem(StatusCodes.Status409Conflict, "An attempt is open", "another attempt of yours started at the same moment (rule oneOpenAttempt)", null);
        }
        return Outcome<QuizAttempt>.Done(attempt);
    }
}
