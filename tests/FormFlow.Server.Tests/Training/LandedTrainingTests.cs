using FormFlow.Persistence.Database;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Training;

/// <summary>
/// A demo database written by the release before trainings and contests were module templates opens with this one
/// and loses nothing: the shipped templates' services adopt its training and contest (same org and title), so the
/// practice runs, contest attempts and best scores stay theirs, and no second training or contest appears.
/// </summary>
public sealed class LandedTrainingTests
{
    private const string NoAnswers = "{}";
    private static readonly DateTime Saved = new(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_last_releases_demo_training_and_contest_become_the_template_services_and_keep_progress_and_attempts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var old = await database.OpenAsReleaseBeforeAsync("TrainingModules"))
        {
            await WriteAsTheLastReleasesDemoDidAsync(old, provider);
        }

        await using (var server = await ServerFixture.StartOnAsync(database))
        {
            await using var db = server.OpenDb();
            var city = await db.OrgUnits.SingleAsync(o => o.ParentId == null);
            Assert.Equal(1, city.Id); // the rows below were written for the demo city, the first unit the demo adds
            var training = await db.TrainingCourses.SingleAsync();
            Assert.Equal((1, "training", "职工安全生产与劳动合同法题库"), (training.Id, training.ModuleKey, training.BankName));
            var contest = await db.Contests.SingleAsync();
            Assert.Equal((1, "contest", 600, 3), (contest.Id, contest.ModuleKey, contest.DurationSeconds, contest.AttemptsAllowed));
            // The landed rows, and nothing else but the demo contestants' the start seeds into the adopted contest.
            var attempts = await db.QuizAttempts.Where(a => !db.Users.Any(u => u.Id == a.AccountId && u.UserName!.StartsWith("contestant-"))).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal([(1L, 1, (int?)null, 5, true), (2L, (int?)null, 1, 8, false)], attempts.Select(a => (a.Id, a.TrainingId, a.ContestId, a.Score, a.Passed)));
            var best = await db.ContestBests.SingleAsync(b => !db.Users.Any(u => u.Id == b.AccountId && u.UserName!.StartsWith("contestant-")));
            Assert.Equal(("old-worker", 8, 2L), (best.AccountId, best.Score, best.AttemptId));
        }
    }

    /// <summary>Raw rows in the last release's schema; foreign keys are off for this connection, so the demo's units and accounts come with the server's start.</summary>
    private static async Task WriteAsTheLastReleasesDemoDidAsync(DbContext db, DatabaseProvider provider)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica");
        var levels = """[{"title":"第一关：安全生产","topic":"安全生产","difficulty":null,"questions":5,"passPercent":60},{"title":"第二关：劳动合同法","topic":"劳动合同法","difficulty":null,"questions":5,"passPercent":60}]""";
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "TrainingCourses" ("Id", "OrgUnitId", "Title", "Levels", "CreatedAt") VALUES (1, 1, '职工安全与权益闯关', {levels}, {Saved})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Contests" ("Id", "OrgUnitId", "Title", "Topic", "Questions", "OpensAt", "ClosesAt", "DurationSeconds", "AttemptsAllowed", "PlacePoints", "SettledAt", "CreatedAt")
            VALUES (1, 1, '全市职工安全生产与劳动法知识竞赛', NULL, 10, {Saved.AddDays(-1)}, {Saved.AddDays(30)}, 600, 3, '[50,30,20]', NULL, {Saved})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "QuizAttempts" ("Id", "AccountId", "OrgUnitId", "TrainingId", "Level", "ContestId", "QuestionIds", "Answers", "StartedAt", "Deadline", "FinishedAt", "Score", "Passed", "OpenFor", "Version")
            VALUES (1, 'old-worker', 4, 1, 1, NULL, '[1,2,3,4,5]', {NoAnswers}, {Saved}, NULL, {Saved.AddMinutes(3)}, 5, {true}, NULL, 1)
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "QuizAttempts" ("Id", "AccountId", "OrgUnitId", "TrainingId", "Level", "ContestId", "QuestionIds", "Answers", "StartedAt", "Deadline", "FinishedAt", "Score", "Passed", "OpenFor", "Version")
            VALUES (2, 'old-worker', 4, NULL, NULL, 1, '[1,2,3,4,5,6,7,8,9,10]', {NoAnswers}, {Saved}, {Saved.AddMinutes(10)}, {Saved.AddMinutes(6)}, 8, {false}, NULL, 1)
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ContestBests" ("ContestId", "AccountId", "OrgUnitId", "Score", "TimeUsedMs", "AttemptId", "AchievedAt") VALUES (1, 'old-worker', 4, 8, 360000, 2, {Saved.AddMinutes(6)})
            """);
        await db.Database.CloseConnectionAsync();
    }
}
