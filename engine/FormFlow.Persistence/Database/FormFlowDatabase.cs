using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FormFlow.Persistence.Database;

/// <summary>Wiring the store for a provider, for dependency injection (server) and for one-off use (CLI).</summary>
public static class FormFlowDatabase
{
    /// <summary>
    /// A pooled context per request scope: EF Core resets and reuses context instances (their internal services
    /// resolved once) instead of building one per request; the options, built once, take the root provider as their
    /// application services, so interceptors may only take singletons from there.
    /// </summary>
    /// <param name="interceptors">The host's interceptors (e.g. encryption of personal data at rest): shared instances, since EF Core builds an internal service provider per distinct set.</param>
    public static IServiceCollection AddFormFlowDatabase(this IServiceCollection services, DatabaseSettings settings,
        Func<IServiceProvider, IInterceptor[]>? interceptors = null) =>
        settings.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContextPool<FormFlowDbContext, SqliteFormFlowDbContext>((sp, o) =>
                o.UseSqlite(settings.ConnectionString).AddInterceptors([SqlitePragmas.Instance, .. interceptors?.Invoke(sp) ?? []])),
            _ => services.AddDbContextPool<FormFlowDbContext, PostgresFormFlowDbContext>((sp, o) =>
                o.UseNpgsql(PostgresConnection(settings.ConnectionString)).AddInterceptors(interceptors?.Invoke(sp) ?? [])),
        };

    public static FormFlowDbContext CreateContext(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteFormFlowDbContext(new DbContextOptionsBuilder<SqliteFormFlowDbContext>().UseSqlite(settings.ConnectionString).AddInterceptors(SqlitePragmas.Instance).Options),
        _ => new PostgresFormFlowDbContext(new DbContextOptionsBuilder<PostgresFormFlowDbContext>().UseNpgsql(PostgresConnection(settings.ConnectionString)).Options),
    };

    /// <summary>
    /// The connection string with two Npgsql settings for a server that runs the same few statements all day, unless
    /// it sets them itself: statements used twice are prepared on the connection (PostgreSQL then skips parsing and
    /// planning them), and a connection going back to the pool is not reset (FormFlow sets no session state; a reset
    /// would cost a round trip on every reuse).
    /// </summary>
    public static string PostgresConnection(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare")) tuned.MaxAutoPrepare = 64;
        if (!given.ContainsKey("No Reset On Close")) tuned.NoResetOnClose = true;
        return tuned.ConnectionString;
    }

    /// <summary>The migration that added the figures (<see cref="Statistics.Figure"/>).</summary>
    public const string FiguresMigration = "StatisticsFigures";

    /// <summary>
    /// Applies pending migrations and returns their names. SQLite: creates the data folder first and switches the
    /// file to write-ahead logging so readers do not block the writer (see <see cref="SqlitePragmas"/> for the per-connection part). PostgreSQL: EF
    /// Core's migration lock lasts one migration; processes that may start together hold <see cref="StartupLockAsync"/> around this.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(FormFlowDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite()) EnsureSqliteFolder(db.Database.GetConnectionString()!);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        // A migration may rebuild an index of a big table (the figures of a city: tens of millions of rows), far beyond
        // a request's 30 s: an upgrade must not fail half-way for want of time.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        try { await db.Database.MigrateAsync(ct); }
        finally { db.Database.SetCommandTimeout(timeout); }
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        try
        {
            // A database of a release before the figures gets them from its raw rows, once, as it opens.
            if (pending.Any(m => m.EndsWith("_" + FiguresMigration, StringComparison.Ordinal)))
            {
                await using var transaction = await db.BeginWriteTransactionAsync(ct);
                await Statistics.FigureRecount.FillEmptyAsync(db, progress: null, ct);
                await transaction.CommitAsync(ct);
            }
            // A database of a release before a later measure gets that measure's figures from its raw rows, once.
            await Statistics.FigureRecount.FillLaterMeasuresAsync(db, progress: null, ct);
        }
        finally { db.Database.SetCommandTimeout(timeout); }
        return pending;
    }

    /// <summary>
    /// PostgreSQL: waits until no other process holds the startup lock and holds it until disposed, so processes
    /// starting together on one database migrate and seed it one after the other (<see cref="PostgresStartupLock"/>).
    /// SQLite: nothing to wait for (one process owns the file); null.
    /// </summary>
    public static async Task<IAsyncDisposable?> StartupLockAsync(FormFlowDbContext db, CancellationToken ct = default) =>
        db.Database.IsSqlite() ? null : await PostgresStartupLock.AcquireAsync(db.Database.GetConnectionString()!, ct);

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
