using System.Runtime.CompilerServices;
using FormFlow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>
/// Keeps the contest's score histograms (<see cref="Persistence.Training.ContestScoreCount"/>, whole contest, and
/// <see cref="Persistence.Training.ContestUnionScoreCount"/>, per union) up to date as a best score leaves one
/// (union, score) and enters another. One command: an insert-or-add per table, so two participants changing the same
/// row at once both count. Runs inside the transaction that changes the best.
/// </summary>
internal static class ScoreCounts
{
    public readonly record struct Change(int OrgUnitId, int Score, int Participants);

    public static Task ApplyAsync(FormFlowDbContext db, int contestId, IReadOnlyList<Change> changes, CancellationToken ct)
    {
        // Summed per key first: PostgreSQL refuses one insert that updates the same row twice (a best moving to
        // another union with the same score leaves the whole contest's row unchanged), and a zero changes nothing.
        var scores = changes.GroupBy(c => c.Score).Select(g => (Key: new object[] { contestId, g.Key }, Delta: g.Sum(c => c.Participants)))
            .Where(x => x.Delta != 0).ToList();
        var unions = changes.GroupBy(c => (c.OrgUnitId, c.Score)).Select(g => (Key: new object[] { contestId, g.Key.OrgUnitId, g.Key.Score }, Delta: g.Sum(c => c.Participants)))
            .Where(x => x.Delta != 0).ToList();
        var args = new List<object>();
        var sql = Upsert("ContestScoreCounts", """ "ContestId", "Score" """, scores, args) + Upsert("ContestUnionScoreCounts", """ "ContestId", "OrgUnitId", "Score" """, unions, args);
        return sql.Length == 0 ? Task.CompletedTask : db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(sql, args.ToArray()), ct);
    }

    private static string Upsert(string table, string key, List<(object[] Key, int Delta)> rows, List<object> args)
    {
        if (rows.Count == 0) return "";
        var values = string.Join(", ", rows.Select(r => "(" + string.Join(", ", r.Key.Append(r.Delta).Select(v => { args.Add(v); return $"{{{args.Count - 1}}}"; })) + ")"));
        return $"""
            INSERT INTO "{table}" ({key}, "Participants") VALUES {values}
            ON CONFLICT ({key}) DO UPDATE SET "Participants" = "{table}"."Participants" + excluded."Participants";

            """;
    }
}
