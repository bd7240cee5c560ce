using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
