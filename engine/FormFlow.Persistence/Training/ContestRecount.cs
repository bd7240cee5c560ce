using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Training;

/// <summary>
/// A contest's kept figures (<see cref="ContestUnionScore"/>, <see cref="ContestScoreCount"/>,
/// <see cref="ContestUnionScoreCount"/>) rewritten from its best scores, as the kept updates leave them: for bests
/// written in bulk (the CLI's seed-bests). Run it inside a transaction.
/// </summary>
public static class ContestRecount
{
    public static async Task RecountAsync(FormFlowDbContext db, int contestId, CancellationToken ct)
    {
        await db.ContestUnionScores.Where(s => s.ContestId == contestId).ExecuteDeleteAsync(ct);
        await db.ContestScoreCounts.Where(s => s.ContestId == contestId).ExecuteDeleteAsync(ct);
        await db.ContestUnionScoreCounts.Where(s => s.ContestId == contestId).ExecuteDeleteAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ContestUnionScores" ("ContestId", "OrgUnitId", "Participants", "ScoreSum", "TimeUsedMsSum")
            SELECT "ContestId", "OrgUnitId", COUNT(*), SUM("Score"), SUM("TimeUsedMs") FROM "ContestBests" WHERE "ContestId" = {contestId} GROUP BY "ContestId", "OrgUnitId"
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ContestScoreCounts" ("ContestId", "Score", "Participants")
            SELECT "ContestId", "Score", COUNT(*) FROM "ContestBests" WHERE "ContestId" = {contestId} GROUP BY "ContestId", "Score"
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ContestUnionScoreCounts" ("ContestId", "OrgUnitId", "Score", "Participants")
            SELECT "ContestId", "OrgUnitId", "Score", COUNT(*) FROM "ContestBests" WHERE "ContestId" = {contestId} GROUP BY "ContestId", "OrgUnitId", "Score"
            """, ct);
    }
}
