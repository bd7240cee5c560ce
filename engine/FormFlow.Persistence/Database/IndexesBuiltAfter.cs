using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Database;

/// <summary>
/// A bulk load into an empty table with its secondary indexes (neither primary key nor unique) dropped before it and
/// created again after it, from the definitions the database itself holds, in the caller's transaction: building an
/// index sorts the rows once, where keeping it up costs a descent of its B-tree per row, at random places. A failure
/// rolls the transaction back, indexes included.
/// </summary>
public static class IndexesBuiltAfter
{
    public static async Task<T> LoadAsync<T>(FormFlowDbContext db, string table, Func<Task<T>> load, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("indexes are set aside inside the caller's transaction");
        var indexes = await db.Database.SqlQueryRaw<IndexDefinition>(db.Database.IsNpgsql()
            ? """
              SELECT c.relname AS "Name", pg_get_indexdef(x.indexrelid) AS "Sql"
              FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
              WHERE x.indrelid = to_regclass(quote_ident({0})) AND NOT x.indisunique
              """
            : """
              SELECT "name" AS "Name", "sql" AS "Sql" FROM sqlite_master
              WHERE "type" = 'index' AND "tbl_name" = {0} AND "sql" IS NOT NULL AND "sql" NOT LIKE 'CREATE UNIQUE%'
              """, table).ToListAsync(ct);
        // The names come from the database's own catalogue, quoted.
        foreach (var index in indexes) await db.Database.ExecuteSqlRawAsync($"DROP INDEX \"{index.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct);
        var result = await load();
        foreach (var index in indexes) await db.Database.ExecuteSqlRawAsync(index.Sql, ct);
        return result;
    }

    private sealed record IndexDefinition(string Name, string Sql);
}
