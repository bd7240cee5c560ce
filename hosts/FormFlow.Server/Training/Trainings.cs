using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Training;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>
/// Level-by-level trainings: an editor sets one up at an org; a participant of its subtree sees its levels with
/// their lock state (kept on the server, from the practice runs they finished, so it follows them across devices)
/// and starts practising an unlocked level.
/// </summary>
internal sealed class Trainings(FormFlowDbContext db, TimeProvider clock)
{
    public const int MaxLevels = 20, MaxQuestions = 100;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public async Task<Outcome<TrainingView>> CreateAsync(Account editor, CreateTrainingRequest body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Trim().Length > 200) return FieldProblem.Invalid("title", "a title of 1 to 200 characters is required");
        if (body.Levels is not { Count: >= 1 and <= MaxLevels } levels) return FieldProblem.Invalid("levels", $"1 to {MaxLevels} levels are required");
        for (var i = 0; i < levels.Count; i++)
        {
            var l = levels[i];
            if (string.IsNullOrWhiteSpace(l.Title) || l.Title.Length > 200) return FieldProblem.Invalid($"levels[{i}].title", "a title of 1 to 200 characters is required");
            if (l.Topic is { Length: > 100 }) return FieldProblem.Invalid($"levels[{i}].topic", "at most 100 characters");
            if (l.Difficulty is { } d && d is < 1 or > 5) return FieldProblem.Invalid($"levels[{i}].difficulty", "1 to 5, or none for any");
            if (l.Questions is < 1 or > MaxQuestions) return FieldProblem.Invalid($"levels[{i}].questions", $"1 to {MaxQuestions} questions");
            if (l.PassPercent is < 1 or > 100) return FieldProblem.Invalid($"levels[{i}].passPercent", "a pass mark of 1 to 100 (percent of the questions right)");
        }
        var (org, refused) = await TrainingEdits.ManagedOrgAsync(db, editor, body.OrgUnitId, ct);
        if (org is null) return refused!;
        var training = new TrainingCourse
        {
            OrgUnitId = org.Id, Title = body.Title.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
            Levels = JsonSerializer.Serialize(levels.Select(l => l with { Title = l.Title!.Trim(), Topic = string.IsNullOrWhiteSpace(l.Topic) ? null : l.Topic.Trim() }), Web),
        };
        await TrainingEdits.AddAuditedAsync(db, editor, training, org, "training.created", t => $"training:{t.Id}", t => new JsonObject { ["title"] = t.Title, ["org"] = t.OrgUnitId }, ct);
        return Outcome<TrainingView>.Done(await ViewAsync(training, org, editor.Id, ct));
    }

    /// <summary>The trainings of the orgs on the account's chains and, for editors, below them.</summary>
    public async Task<List<TrainingView>> VisibleAsync(Account account, CancellationToken ct)
    {
        var all = await db.TrainingCourses.AsNoTracking().Join(db.OrgUnits, t => t.OrgUnitId, o => o.Id, (t, o) => new { t, o }).OrderBy(x => x.t.Id).ToListAsync(ct);
        var reached = all.Where(x => TrainingAccess.Reaches(account, x.o)).ToList();
        var visible = reached.Where(x => !TrainingAccess.Shadowed(account, x.o, x.t.ModuleKey, reached.Select(r => (r.o, r.t.ModuleKey)))).ToList();
        // One query for my finished practice of every listed training, not one per training.
        var ids = visible.Select(x => x.t.Id).ToList();
        var finished = (await FinishedAsync(db.QuizAttempts.Where(a => a.AccountId == account.Id && a.TrainingId != null && ids.Contains(a.TrainingId.Value)), ct))
            .ToLookup(f => f.Training);
        return visible.Select(x => View(x.t, x.o, finished[x.t.Id].ToList())).ToList();
    }

    public async Task<(TrainingCourse Training, OrgUnit Org)?> FindAsync(Account account, int id, CancellationToken ct)
    {
        var found = await db.TrainingCourses.AsNoTracking().Join(db.OrgUnits, t => t.OrgUnitId, o => o.Id, (t, o) => new { t, o }).SingleOrDefaultAsync(x => x.t.Id == id, ct);
        return found is not null && TrainingAccess.Reaches(account, found.o) ? (found.t, found.o) : null;
    }

    public async Task<TrainingView> ViewAsync(TrainingCourse training, OrgUnit org, string accountId, CancellationToken ct) =>
        View(training, org, await FinishedAsync(db.QuizAttempts.Where(a => a.AccountId == accountId && a.TrainingId == training.Id), ct));

    private sealed record LevelResult(int Training, int Level, int Best, bool Passed);

    /// <summary>Per training and level of the given attempts: the best score and whether any finished attempt passed.</summary>
    private static async Task<List<LevelResult>> FinishedAsync(IQueryable<QuizAttempt> attempts, CancellationToken ct) =>
        await attempts.AsNoTracking().Where(a => a.FinishedAt != null && a.Level != null)
            .GroupBy(a => new { a.TrainingId, a.Level })
            .Select(g => new LevelResult(g.Key.TrainingId!.Value, g.Key.Level!.Value, g.Max(a => a.Score), g.Any(a => a.Passed))).ToListAsync(ct);

    private static TrainingView View(TrainingCourse training, OrgUnit org, List<LevelResult> finished)
    {
        var levels = LevelsOf(training);
        var views = new List<LevelView>();
        for (var n = 1; n <= levels.Count; n++)
        {
            var l = levels[n - 1];
            var mine = finished.FirstOrDefault(f => f.Level == n);
            var unlocked = n == 1 || finished.Any(f => f.Level == n - 1 && f.Passed);
            views.Add(new LevelView(n, l.Title!, l.Topic, l.Difficulty, l.Questions, l.PassPercent, unlocked, mine?.Passed ?? false, mine?.Best));
        }
        return new TrainingView(training.Id, training.Title, org.Id, org.Name, views);
    }

    /// <summary>Starts practising a level: refused (422, rule <c>levelLocked</c>) until the level before it is passed.</summary>
    public async Task<Outcome<QuizAttempt>?> StartAsync(Account account, TrainingCourse training, OrgUnit org, int level, CancellationToken ct)
    {
        var levels = LevelsOf(training);
        if (level < 1 || level > levels.Count) return null;
        if (level > 1 && !await db.QuizAttempts.AnyAsync(a => a.AccountId == account.Id && a.TrainingId == training.Id && a.Level == level - 1 && a.Passed, ct))
            return new FieldProblem(StatusCodes.Status422UnprocessableEntity, "Level locked", $"level {level} unlocks when level {level - 1} is passed (rule levelLocked)", "level");
        var settings = levels[level - 1];
        var drawn = await QuestionDraw.DrawAsync(db, org, training.BankName, settings.Topic, settings.Difficulty, settings.Questions, ct);
        if (drawn.Count == 0) return new FieldProblem(StatusCodes.Status422UnprocessableEntity, "No questions", $"the banks hold no question for level {level} (rule noQuestions)", "level");
        var attempt = new QuizAttempt
        {
            AccountId = account.Id, OrgUnitId = TrainingAccess.UnionOf(account)?.Id ?? org.Id, TrainingId = training.Id, Level = level,
            QuestionIds = JsonSerializer.Serialize(drawn), StartedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.QuizAttempts.Add(attempt);
        await db.SaveChangesAsync(ct);
        return Outcome<QuizAttempt>.Done(attempt);
    }

    public static List<LevelSettings> LevelsOf(TrainingCourse training) => JsonSerializer.Deserialize<List<LevelSettings>>(training.Levels, Web)!;

    /// <summary>The pass mark of an attempt's level, in percent.</summary>
    public static int PassPercentOf(TrainingCourse training, int level) => LevelsOf(training)[level - 1].PassPercent;
}
