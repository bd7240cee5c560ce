using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using FormFlow.Server.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// The real server (all middleware, real database) on an in-memory test host, started on an empty database of
/// one provider (any type of the server assembly names it to the factory; <see cref="ServerSettings"/> does). Demo mode is on unless a test turns it off, so the demo hierarchy and accounts are seeded.
/// </summary>
public class ServerFixture(DatabaseProvider provider) : WebApplicationFactory<ServerSettings>, IAsyncLifetime
{
    public DatabaseProvider Provider { get; } = provider;
    public TestDatabase Database { get; private set; } = null!;
    private bool _ownsDatabase = true;

    /// <summary>Extra configuration for a fixture (e.g. a low rate limit); applied over the defaults below.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => ExtraSettings;
    private IReadOnlyDictionary<string, string?> ExtraSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>A server on an existing database that the caller keeps (for restarts and configuration variants).</summary>
    public static async Task<ServerFixture> StartOnAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = new ServerFixture(database.Settings.Provider) { Database = database, _ownsDatabase = false, ExtraSettings = settings ?? new Dictionary<string, string?>() };
        await server.InitializeAsync();
        return server;
    }

    /// <summary>
    /// How to make another fixture whose start seeds exactly what this one's would (same type, settings, services and
    /// clock at start), so that all of them copy one seeded database (<see cref="SeededTemplates"/>); null where an
    /// instance differs (its own temporary folders, ports, captured start-up logs) and seeds a database of its own.
    /// </summary>
    protected virtual Func<ServerFixture>? SeedsLike => null;

    public virtual async Task InitializeAsync()
    {
        Database ??= SeedsLike is { } newFixture
            ? await SeededTemplates.CopyAsync(GetType(), newFixture)
            : await TestDatabase.CreateAsync(Provider);
        _ = Server; // starts the host: migrations and demo seeding run now (on a copy they find everything there)
    }

    /// <summary>Starts this fixture on the template database that <see cref="SeededTemplates"/> keeps (and drops).</summary>
    internal void StartAsTemplateOn(TestDatabase template)
    {
        Database = template;
        _ownsDatabase = false;
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["FormFlow:DataFolder"] = Database.DataFolder,
            ["Database:Provider"] = Provider.ToString(),
            ["Database:ConnectionString"] = Database.Settings.ConnectionString,
            ["RateLimits:LoginPermits"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["FormFlow:DemoDrafts"] = "false", // the demo city's sample drafts only where a fixture asks (DemoDraftServer)
        };
        foreach (var (key, value) in Settings) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>A DbContext of its own on the server's database, for checking what the API did.</summary>
    public FormFlowDbContext OpenDb() => FormFlowDatabase.CreateContext(Database.Settings);

    /// <summary>How many audit entries record this action on this target (say "auth.login.failed", "account:lawyer").</summary>
    public async Task<int> AuditCountAsync(string action, string target)
    {
        await using var db = OpenDb();
        return await db.AuditEntries.CountAsync(a => a.Action == action && a.Target == target);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDatabase) await Database.DisposeAsync();
    }
}

public sealed class SqliteServer() : ServerFixture(DatabaseProvider.Sqlite)
{
    protected override Func<ServerFixture>? SeedsLike => () => new SqliteServer();
}

public sealed class PostgresServer() : ServerFixture(DatabaseProvider.Postgres)
{
    protected override Func<ServerFixture>? SeedsLike => () => new PostgresServer();
}
