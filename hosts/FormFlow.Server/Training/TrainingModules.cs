using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Training;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Training;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>
/// Trainings and contests driven by module templates (<c>module-templates/training</c>, <c>module-templates/contest</c>):
/// activating a version of such a module at an org — first activation, a new version, a district's derivation, the
/// upgrade cascade — creates or updates the training or contest bound to that service (org and module key) from the
/// resolved settings (<see cref="TrainingSettings"/>), so the city's locks on them hold as on any setting. Progress and
/// attempts stay with the row. A training or contest made by hand at the same org with the same title and no module
/// (an earlier release's demo) is adopted rather than doubled.
/// </summary>
internal static class TrainingModules
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Binds the resolved module to the training or contest of its service at <paramref name="org"/>; nothing for other modules. The caller saves.</summary>
    public static async Task BindAsync(FormFlowDbContext db, string moduleKey, JsonObject module, OrgUnit org, string by, DateTime now, CancellationToken ct)
    {
        if (TrainingSettings.TrainingOf(module) is { } plan) await BindTrainingAsync(db, moduleKey, plan, org, by, now, ct);
        if (TrainingSettings.ContestOf(module) is { } contest) await BindContestAsync(db, moduleKey, contest, org, by, now, ct);
    }

    private static async Task BindTrainingAsync(FormFlowDbContext db, string moduleKey, TrainingPlan plan, OrgUnit org, string by, DateTime now, CancellationToken ct)
    {
        var row = await db.TrainingCourses.SingleOrDefaultAsync(t => t.OrgUnitId == org.Id && t.ModuleKey == moduleKey, ct)
            ?? await db.TrainingCourses.Where(t => t.OrgUnitId == org.Id && t.ModuleKey == null && t.Title == plan.Title).OrderBy(t => t.Id).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new TrainingCourse { OrgUnitId = org.Id, Title = plan.Title, Levels = "[]", CreatedAt = now };
            db.TrainingCourses.Add(row);
        }
        row.ModuleKey = moduleKey;
        row.Title = plan.Title;
        row.BankName = plan.Bank;
        row.Levels = JsonSerializer.Serialize(plan.Levels.Select(l => new LevelSettings(l.Title, l.Topic, l.Difficulty, l.Questions, plan.PassPercent)), Web);
        await db.SaveChangesAsync(ct);
        AuditLog.Append(db, by, "training.configured", $"training:{row.Id}", org.Id, new JsonObject { ["module"] = moduleKey, ["title"] = row.Title, ["levels"] = plan.Levels.Count });
    }

    private static async Task BindContestAsync(FormFlowDbContext db, string moduleKey, ContestPlan plan, OrgUnit org, string by, DateTime now, CancellationToken ct)
    {
        var row = await db.Contests.SingleOrDefaultAsync(c => c.OrgUnitId == org.Id && c.ModuleKey == moduleKey, ct)
            ?? await db.Contests.Where(c => c.OrgUnitId == org.Id && c.ModuleKey == null && c.Title == plan.Title).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new Contest { OrgUnitId = org.Id, Title = plan.Title, PlacePoints = "[]", CreatedAt = now };
            db.Contests.Add(row);
        }
        row.ModuleKey = moduleKey;
        row.Title = plan.Title;
        row.Topic = plan.Topic;
        row.BankName = plan.Bank;
        row.Questions = plan.Questions;
        row.OpensAt = plan.OpensAt.UtcDateTime;
        row.ClosesAt = plan.ClosesAt.UtcDateTime;
        row.DurationSeconds = plan.DurationMinutes * 60;
        row.AttemptsAllowed = plan.Attempts;
        row.PlacePoints = JsonSerializer.Serialize(plan.PlacePoints);
        await db.SaveChangesAsync(ct);
        AuditLog.Append(db, by, "contest.configured", $"contest:{row.Id}", org.Id, new JsonObject { ["module"] = moduleKey, ["title"] = row.Title });
    }
}
