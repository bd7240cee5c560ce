using System.Globalization;
using System.Text;
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
    private const int RowsPerStatement = 400;

    /// <summary>Adds <paramref name="delta"/> to the rows it touches, for the org chain <paramref name="chain"/> (root first).</summary>
    public static void Expand(FigureDelta delta, int[] chain, Dictionary<FigureKey, long> into)
    {
        int[] periods = delta.Day is { } day ? FigurePeriods.Grains(day) : [FigurePeriods.AllTime];
        foreach (var org in chain)
            foreach (var period in periods)
            {
                var key = new FigureKey(org, period, delta.Measure, delta.ModuleKey, delta.Key);
                into[key] = into.GetValueOrDefault(key) + delta.Value;
            }
    }

    /// <summary>Adds the changes to the stored figures, in the current transaction.</summary>
    public static async Task AddAsync(FormFlowDbContext db, IReadOnlyCollection<FigureDelta> deltas, CancellationToken ct = default)
    {
        var orgs = deltas.Select(d => d.OrgUnitId).Distinct().ToList();
        var chains = (await db.OrgUnits.AsNoTracking().Where(o => orgs.Contains(o.Id)).Select(o => new { o.Id, o.Path }).ToListAsync(ct))
            .ToDictionary(o => o.Id, o => OrgSubtree.Chain(o.Path));
        var rows = new Dictionary<FigureKey, long>();
        foreach (var delta in deltas)
            if (chains.TryGetValue(delta.OrgUnitId, out var chain)) Expand(delta, chain, rows);
        await WriteAsync(db, rows.Where(r => r.Value != 0), add: true, ct);
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
        foreach (var chunk in ordered.Chunk(RowsPerStatement))
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
