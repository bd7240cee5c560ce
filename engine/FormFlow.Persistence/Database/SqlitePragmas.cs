using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace FormFlow.Persistence.Database;

/// <summary>
/// Per-connection SQLite settings, applied as each connection opens: <c>synchronous=NORMAL</c>, the usual setting
/// for a write-ahead-logged server database. A commit then waits for the WAL write, not for a disk flush: a killed
/// process loses nothing it acknowledged; only a power cut or OS crash may lose the last commits before the next
/// checkpoint. (PostgreSQL is the store for that promise.)
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private const string Sql = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// SQLite keeps 2 MB of pages per connection by default: far less than the indexes that millions of new rows go into,
/// so a bulk write spilled pages and read them back for nearly every row (a fill of 2 million figures: 20-30 s, and
/// 10 s with a wide cache). <see cref="WidenAsync"/> opens the context's connection and holds it with up to 1 GiB of
/// cache (a cap: pages are taken only as they are touched) until disposed; then the setting is restored and the
/// connection given back. On PostgreSQL it does nothing.
/// </summary>
public static class SqliteBulkCache
{
    /// <summary>In KiB when negative, SQLite's convention: 1 GiB.</summary>
    private const int Pages = -1024 * 1024;

    public static async Task<IAsyncDisposable> WidenAsync(DbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite()) return Nothing.Instance;
        await db.Database.OpenConnectionAsync(ct);
        await using var read = db.Database.GetDbConnection().CreateCommand();
        read.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        read.CommandText = "PRAGMA cache_size";
        var before = Convert.ToInt64(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size={Pages}", ct);
        return new Restore(db, before);
    }

    private sealed class Restore(DbContext db, long before) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size={before}");
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public static readonly Nothing Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
