using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Training;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Persistence;

/// <summary>
/// A database written by the release before the union figures were kept (ContestUnionScores) opens with this one and
/// loses nothing: each union's figures of a contest already run are counted from its members' best scores, so the union
/// leaderboard of an old contest reads as it did; so are the score histograms that "my rank" reads.
/// </summary>
public sealed class LandedContestsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_union_figures_of_contests_already_run_are_counted_from_their_best_scores(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int contestId, first, second;
        await using (var old = await database.OpenAsReleaseBeforeAsync("TrainingCollection"))
        {
            var city = await OrgUnits.CreateAsync(old, "旧市总工会", OrgLevel.City, null);
            var a = await OrgUnits.CreateAsync(old, "甲厂工会", OrgLevel.Grassroots, city);
            var b = await OrgUnits.CreateAsync(old, "乙厂工会", OrgLevel.Grassroots, city);
            await old.SaveChangesAsync();
            (first, second) = (a.Id, b.Id);
            var at = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
            // The contest in that release's columns (the entity has gained some since).
            await old.Database.ExecuteSqlAsync($"""
                INSERT INTO "Contests" ("OrgUnitId", "Title", "Topic", "Questions", "OpensAt", "ClosesAt", "DurationSeconds", "AttemptsAllowed", "PlacePoints", "SettledAt", "CreatedAt")
                VALUES ({city.Id}, '旧竞赛', NULL, 4, {at}, {at.AddDays(1)}, 300, 1, '[]', NULL, {at})
                """);
            contestId = await old.Contests.Where(c => c.Title == "旧竞赛").Select(c => c.Id).SingleAsync();
            foreach (var (name, org, score, ms) in new[] { ("p1", a.Id, 4, 100_000L), ("p2", a.Id, 2, 50_000L), ("p3", b.Id, 3, 70_000L) })
            {
                old.Users.Add(new Account { Id = name, UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, SecurityStamp = name });
                await old.SaveChangesAsync();
                old.ContestBests.Add(new ContestBest { ContestId = contestId, AccountId = name, OrgUnitId = org, Score = score, TimeUsedMs = ms, AttemptId = 1, AchievedAt = at });
            }
            await old.SaveChangesAsync();
        }

        await using var db = database.Open();
        Assert.Contains(await FormFlowDatabase.MigrateAsync(db), m => m.EndsWith("_TrainingCollection"));
        var kept = await db.ContestUnionScores.Where(u => u.ContestId == contestId).OrderBy(u => u.OrgUnitId).ToListAsync();
        Assert.Equal([(first, 2, 6L, 150_000L), (second, 1, 3L, 70_000L)], kept.Select(u => (u.OrgUnitId, u.Participants, u.ScoreSum, u.TimeUsedMsSum)));
        // And the score histograms (ContestScoreCounts), whole and per union, from the same bests.
        Assert.Equal([(2, 1), (3, 1), (4, 1)], (await db.ContestScoreCounts.Where(h => h.ContestId == contestId).ToListAsync())
            .Select(h => (h.Score, h.Participants)).Order());
        Assert.Equal([(first, 2, 1), (first, 4, 1), (second, 3, 1)], (await db.ContestUnionScoreCounts.Where(h => h.ContestId == contestId).ToListAsync())
            .Select(h => (h.OrgUnitId, h.Score, h.Participants)).Order());
        Assert.Equal(3, await db.ContestBests.CountAsync(x => x.ContestId == contestId));
    }
}
