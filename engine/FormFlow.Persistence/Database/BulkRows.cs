using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace FormFlow.Persistence.Database;

/// <summary>
/// Inserts new rows of one entity type with the columns and values <c>SaveChanges</c> would send, read from the EF
/// model (column names, value converters, store types), but as one stream: PostgreSQL's binary <c>COPY</c>, or on
/// SQLite one prepared <c>INSERT</c> run per row. An identity key left at its default is left to the database, as
/// EF leaves it, so the numbering is the same. Runs in the caller's transaction. Related entities (navigations) are
/// not followed: the caller writes each table itself, parents first. Used by the city generator and by the fills of
/// figures into a measure that has none (<see cref="Statistics.FigureRecount"/>); on SQLite, with a wide page cache
/// (<see cref="SqliteBulkCache"/>).
/// </summary>
public static class BulkRows
{
    public static async Task WriteAsync<T>(FormFlowDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new List<(IProperty Property, string Column, RelationalTypeMapping Mapping)>();
        foreach (var property in entity.GetProperties())
        {
            if (property.IsShadowProperty())
                throw new NotSupportedException($"{typeof(T).Name}.{property.Name} is a shadow property: write this table through SaveChanges");
            if (LeftToDatabase(property, rows)) continue;
            columns.Add((property, property.GetColumnName(table)!, property.GetRelationalTypeMapping()));
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("bulk rows are written inside the caller's transaction");
        var sql = db.GetService<ISqlGenerationHelper>();
        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)));
        var target = sql.DelimitIdentifier(table.Name, table.Schema);
        if (transaction.Connection is NpgsqlConnection npgsql)
            await CopyAsync(npgsql, target, names, columns, rows, ct);
        else
            await InsertEachAsync(transaction, target, names, columns, rows, ct);
    }

    /// <summary>
    /// An identity key whose value is the CLR default in every row: the database numbers it, as it does for EF. A
    /// table whose rows mix set and unset keys, or a generated value the database cannot make, is refused.
    /// </summary>
    private static bool LeftToDatabase<T>(IProperty property, IReadOnlyList<T> rows) where T : class
    {
        if (property.ValueGenerated == ValueGenerated.Never) return false;
        var unset = rows.Count(r => Equals(property.GetGetter().GetClrValue(r), property.Sentinel));
        if (unset == 0) return false;
        if (unset != rows.Count || !property.IsPrimaryKey() || property.ClrType != typeof(int) && property.ClrType != typeof(long))
            throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: a generated value left unset in {unset} of {rows.Count} rows: write this table through SaveChanges");
        return true;
    }

    private static object? ProviderValue<T>(IProperty property, RelationalTypeMapping mapping, T row) where T : class
    {
        var value = property.GetGetter().GetClrValue(row);
        return value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string target, string names,
        List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> columns, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        // The store type without its facets (character varying(40) → character varying) names the binary format.
        var types = columns.Select(c => c.Mapping.StoreType.Split('(')[0].Trim()).ToArray();
        await using var import = await connection.BeginBinaryImportAsync($"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", ct);
        // No time limit (zero is none): the command timeout (30 s) also bounds the server's answer to the whole import,
        // and a million-member city's redemptions (millions of rows) took longer on a busy machine.
        import.Timeout = TimeSpan.Zero;
        foreach (var row in rows)
        {
            await import.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (ProviderValue(columns[i].Property, columns[i].Mapping, row) is { } value) await import.WriteAsync(value, types[i], ct);
                else await import.WriteNullAsync(ct);
            }
        }
        await import.CompleteAsync(ct);
    }

    private static async Task InsertEachAsync<T>(DbTransaction transaction, string target, string names,
        List<(IProperty Property, string Column, RelationalTypeMapping Mapping)> columns, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {target} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((c, i) =>
        {
            var parameter = c.Mapping.CreateParameter(command, "@p" + i, null, c.Property.IsNullable);
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                parameters[i].Value = ProviderValue(columns[i].Property, columns[i].Mapping, row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
