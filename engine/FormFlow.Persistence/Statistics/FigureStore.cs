using System.Globalization;
using System.Text;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Statistics;

/// <summary>The identity of a <see cref="Figure"/> row.</summary>
public readonly record struct FigureKey(int OrgUnitId, int Period, string Measure, string ModuleKey, string Key);

/// <summary>
/// Writing figures: a change to an org's own figures is added to the rows of the org and each ancestor, at day, month
/// and year grain, by one upsert that increments (<c>INSERT ... ON CONFLICT ... DO UPDATE SET "Value" = "Value" +
/// excluded."Value"</c>, the same SQL on SQLite and PostgreSQL) on the caller's connection and transaction.
/// </summary>
public static class FigureStore
{
    /// <summary>Rows per upsert on PostgreSQL; SQLite takes fewer (<see cref="MultiRowStatements"/>).</summary>
    private const int PostgresRowsPerStatement = 400;

    /// <summary>
    /// Adds the changes to the stored figures, in the current transaction, in one statement per 400 changed rows on
    /// PostgreSQL and 32 on SQLite (one for a submission) and no read: the statement walks each org's ancestors itself
    /// (by <c>ParentId</c>, a few primary-key lookups in the database), so it always sees the tree as this transaction does. No org path is
    /// cached in the process: several server processes share one database (DESIGN §7), and a unit moved or added by
    /// another would leave such a cache wrong without any way to hear of it.
    /// </summary>
    /// <remarks>
    /// Rows are written in one global order, (period, measure, module, key) by ordinal comparison and then org, so
    /// concurrent writers lock shared rows in the same order and cannot deadlock: each change carries its rank in that
    /// order (<c>Seq</c>), the statement orders by rank then org, and a statement never splits the changes of one rank.
    /// </remarks>
    public static async Task AddAsync(FormFlowDbContext db, IReadOnlyCollection<FigureDelta> deltas, CancellationToken ct = default)
    {
        var rows = new Dictionary<FigureKey, long>();
        foreach (var delta in deltas)
            foreach (var period in delta.Day is { } day ? FigurePeriods.Grains(day) : [FigurePeriods.AllTime])
            {
                var key = new FigureKey(delta.OrgUnitId, period, delta.Measure, delta.ModuleKey, delta.Key);
                rows[key] = rows.GetValueOrDefault(key) + delta.Value;
            }
        var ranked = rows.Where(r => r.Value != 0)
            .GroupBy(r => (r.Key.Period, r.Key.Measure, r.Key.ModuleKey, r.Key.Key))
            .OrderBy(g => g.Key.Period).ThenBy(g => g.Key.Measure, StringComparer.Ordinal).ThenBy(g => g.Key.ModuleKey, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select((g, seq) => (Seq: seq, Rows: g.ToList()));
        var rowsPerStatement = MultiRowStatements.Rows(db.Database, PostgresRowsPerStatement);
        var statement = new List<(int Seq, KeyValuePair<FigureKey, long> Row)>();
        foreach (var (seq, group) in ranked)
        {
            if (statement.Count > 0 && statement.Count + group.Count > rowsPerStatement)
            {
                await AddChainedAsync(db, statement, ct);
                statement.Clear();
            }
            statement.AddRange(group.Select(r => (seq, r)));
        }
        if (statement.Count > 0) await AddChainedAsync(db, statement, ct);
    }

    /// <summary>One upsert adding each change to its org's row and each ancestor's (orgs that no longer exist add nothing).</summary>
    private static Task AddChainedAsync(FormFlowDbContext db, List<(int Seq, KeyValuePair<FigureKey, long> Row)> changes, CancellationToken ct)
    {
        var sql = new StringBuilder("""WITH RECURSIVE "Changes" ("Seq", "OrgUnitId", "Period", "Measure", "ModuleKey", "Key", "Value") AS (VALUES """);
        var values = new List<object>(changes.Count * 7);
        for (var i = 0; i < changes.Count; i++)
        {
            var at = values.Count;
            if (i > 0) sql.Append(", ");
            sql.Append(CultureInfo.InvariantCulture, $"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, {{{at + 4}}}, {{{at + 5}}}, {{{at + 6}}})");
            var (seq, (key, value)) = changes[i];
            values.AddRange([seq, key.OrgUnitId, key.Period, key.Measure, key.ModuleKey, key.Key, value]);
        }
        sql.Append("""
            ),
            "Chain" ("Org", "Ancestor") AS (
                SELECT "Id", "Id" FROM "OrgUnits" WHERE "Id" IN (SELECT "OrgUnitId" FROM "Changes")
                UNION ALL
                SELECT "Chain"."Org", "OrgUnits"."ParentId" FROM "Chain" JOIN "OrgUnits" ON "OrgUnits"."Id" = "Chain"."Ancestor"
                WHERE "OrgUnits"."ParentId" IS NOT NULL)
            INSERT INTO "Figures" ("OrgUnitId", "Period", "Measure", "ModuleKey", "Key", "Value")
            SELECT "Chain"."Ancestor", "Changes"."Period", "Changes"."Measure", "Changes"."ModuleKey", "Changes"."Key", SUM("Changes"."Value")
            FROM "Changes" JOIN "Chain" ON "Chain"."Org" = "Changes"."OrgUnitId"
            WHERE 1 = 1
            GROUP BY "Changes"."Seq", "Chain"."Ancestor", "Changes"."Period", "Changes"."Measure", "Changes"."ModuleKey", "Changes"."Key"
            HAVING SUM("Changes"."Value") <> 0
            ORDER BY "Changes"."Seq", "Chain"."Ancestor"
            ON CONFLICT ("OrgUnitId", "Period", "Measure", "ModuleKey", "Key") DO UPDATE SET "Value" = "Figures"."Value" + excluded."Value"
            """);
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
    }

    /// <summary>
    /// Upserts rows: <paramref name="add"/> adds each value to the stored one, otherwise the value replaces it (the
    /// recount's repair). Rows go in key order, so concurrent writers lock shared rows in one order and cannot deadlock.
    /// </summary>
    public static async Task WriteAsync(FormFlowDbContext db, IEnumerable<KeyValuePair<FigureKey, long>> rows, bool add, CancellationToken ct = default)
    {
        var ordered = rows.OrderBy(r => r.Key.OrgUnitId).ThenBy(r => r.Key.Period).ThenBy(r => r.Key.Measure, StringComparer.Ordinal)
            .ThenBy(r => r.Key.ModuleKey, StringComparer.Ordinal).ThenBy(r => r.Key.Key, StringComparer.Ordinal);
        var set = add ? "\"Figures\".\"Value\" + excluded.\"Value\"" : "excluded.\"Value\"";
        foreach (var chunk in ordered.Chunk(MultiRowStatements.Rows(db.Database, PostgresRowsPerStatement)))
        {
            var sql = new StringBuilder("INSERT INTO \"Figures\" (\"OrgUnitId\", \"Period\", \"Measure\", \"ModuleKey\", \"Key\", \"Value\") VALUES ");
            var values = new List<object>(chunk.Length * 6);
            for (var i = 0; i < chunk.Length; i++)
            {
                var at = values.Count;
                if (i > 0) sql.Append(", ");
                sql.Append(CultureInfo.InvariantCulture, $"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, {{{at + 4}}}, {{{at + 5}}})");
                var (key, value) = (chunk[i].Key, chunk[i].Value);
                values.AddRange([key.OrgUnitId, key.Period, key.Measure, key.ModuleKey, key.Key, value]);
            }
            sql.Append(CultureInfo.InvariantCulture, $" ON CONFLICT (\"OrgUnitId\", \"Period\", \"Measure\", \"ModuleKey\", \"Key\") DO UPDATE SET \"Value\" = {set}");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }
    }

    /// <summary>
    /// A unit moved from <paramref name="oldPath"/> to <paramref name="newPath"/>: its rows (its subtree's figures) are
    /// taken from the ancestors it left and added to those it joined. Runs in the move's transaction.
    /// </summary>
    public static async Task MoveSubtreeAsync(FormFlowDbContext db, int unitId, string oldPath, string newPath, CancellationToken ct = default)
    {
        var before = OrgSubtree.Chain(oldPath).Where(id => id != unitId).ToHashSet();
        var after = OrgSubtree.Chain(newPath).Where(id => id != unitId).ToHashSet();
        foreach (var (ancestor, sign) in before.Except(after).Select(a => (a, -1)).Concat(after.Except(before).Select(a => (a, 1))))
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Figures" ("OrgUnitId", "Period", "Measure", "ModuleKey", "Key", "Value")
                SELECT {0}, "Period", "Measure", "ModuleKey", "Key", {1} * "Value" FROM "Figures" WHERE "OrgUnitId" = {2}
                ON CONFLICT ("OrgUnitId", "Period", "Measure", "ModuleKey", "Key") DO UPDATE SET "Value" = "Figures"."Value" + excluded."Value"
                """, [ancestor, (long)sign, unitId], ct);
    }
}
