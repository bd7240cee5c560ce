using Npgsql;

namespace FormFlow.Persistence.Database;

/// <summary>
/// A PostgreSQL session advisory lock held while one process migrates and seeds at start: processes starting together
/// on one database (a deployment scaling out) prepare it one after the other, and each after the first finds nothing
/// pending. EF Core's own migration lock on PostgreSQL lasts one migration's transaction, so a second process that read
/// the history before the first committed applied the same migration again and crashed on 42P07 "relation already
/// exists" (and two demo seedings met at the first account).
/// </summary>
internal sealed class PostgresStartupLock : IAsyncDisposable
{
    /// <summary>The lock's key: any 64-bit number the application uses for nothing else.</summary>
    private const long Key = 0x466F726D466C6F77; // "FormFlow"
    private readonly NpgsqlConnection _connection;

    private PostgresStartupLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Waits for the lock; null when the database does not exist yet (EF Core creates it, and nobody else can be migrating it).</summary>
    public static async Task<PostgresStartupLock?> AcquireAsync(string connectionString, CancellationToken ct)
    {
        // Its own unpooled connection: a session lock must not stay behind on a pooled connection.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
            return new PostgresStartupLock(connection);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the unpooled connection ends the session and with it the lock, also when the unlock cannot be sent.
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException) { }
        await _connection.DisposeAsync();
    }
}
