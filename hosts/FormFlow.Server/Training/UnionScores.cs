using FormFlow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>
/// Keeps <see cref="Persistence.Training.ContestUnionScore"/> up to date: one statement that creates the union's row or
/// adds to it, so two members of one union finishing at once both count (the row is locked, not read and rewritten).
/// Runs inside the transaction that changes the member's best score.
/// </summary>
internal static class UnionScores
{
    public static Task AddAsync(FormFlowDbContext db, int contestId, int orgUnitId, int participants, long score, long timeUsedMs, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ContestUnionScores" ("ContestId", "OrgUnitId", "Participants", "ScoreSum", "TimeUsedMsSum")
            VALUES ({contestId}, {orgUnitId}, {participants}, {score}, {timeUsedMs})
            ON CONFLICT ("ContestId", "OrgUnitId") DO UPDATE SET
                "Participants" = "ContestUnionScores"."Participants" + excluded."Participants",
                "ScoreSum" = "ContestUnionScores"."ScoreSum" + excluded."ScoreSum",
                "TimeUsedMsSum" = "ContestUnionScores"."TimeUsedMsSum" + excluded."TimeUsedMsSum"
            """, ct);
}
