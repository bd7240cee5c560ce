using FormFlow.Persistence;
using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// An empty database of its own for one test fixture: a SQLite file in a temporary folder, or a fresh database on
/// the PostgreSQL server named by FORMFLOW_TEST_POSTGRES (tests/run-all.sh starts one). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "FORMFLOW_TEST_POSTGRES";

    public string DataFolder { get; }
    public DatabaseSettings Settings { get; }
    private readonly string? _postgresName;

    private TestDatabase(string dataFolder, DatabaseSettings settings, string? postgresName)
    {
        DataFolder = dataFolder;
        Settings = settings;
        _postgresName = postgresName;
    }

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => CreateAsync(provider, template: null);

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string? template)
    {
        var folder = Directory.CreateTempSubdirectory("formflow-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
            return new TestDatabase(folder, DatabaseSettings.Resolve(provider, null, folder), null);

        var name = "formflow_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(ServerConnectionString()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\""), admin);
            await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name }.ConnectionString;
        return new TestDatabase(folder, new DatabaseSettings(provider, connection), name);
    }

    /// <summary>
    /// A new database holding what <paramref name="source"/> holds, data folder (keys) included: on SQLite the folder
    /// is copied, on PostgreSQL the database is created from it as a template, which needs no one connected to it.
    /// </summary>
    public static async Task<TestDatabase> CopyAsync(TestDatabase source)
    {
        var copy = await CreateAsync(source.Settings.Provider, source._postgresName);
        FolderCopy.Into(source.DataFolder, copy.DataFolder);
        return copy;
    }

    /// <summary>A context on this database with the schema applied, for tests of the store itself.</summary>
    public async Task<FormFlowDbContext> OpenMigratedAsync()
    {
        var db = FormFlowDatabase.CreateContext(Settings);
        await FormFlowDatabase.MigrateAsync(db);
        return db;
    }

    /// <summary>A context on this database (already migrated by a server or <see cref="OpenMigratedAsync"/>).</summary>
    public FormFlowDbContext Open() => FormFlowDatabase.CreateContext(Settings);

    /// <summary>
    /// A context on this database migrated as the release before <paramref name="migration"/> left it (every migration
    /// up to the one before it), to write rows as that release did and then migrate to this one.
    /// </summary>
    public async Task<FormFlowDbContext> OpenAsReleaseBeforeAsync(string migration)
    {
        var db = Open();
        var all = db.Database.GetMigrations().ToList();
        var at = all.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal));
        if (at < 1) throw new ArgumentException($"no migration {migration} with one before it", nameof(migration));
        await db.GetService<IMigrator>().MigrateAsync(all[at - 1]);
        return db;
    }

    /// <summary>The PostgreSQL server to test against; its absence fails the test with instructions rather than skipping it.</summary>
    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run the tests with `bash tests/run-all.sh` (it starts a throwaway PostgreSQL cluster), " +
                "or set it to a connection string for a server where the tests may create databases");

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(ServerConnectionString());
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { /* SQLite may still hold the file briefly */ }
    }
}
