using System.Net;
using System.Net.Http.Json;
using FormFlow.Persistence.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Durability;

/// <summary>
/// A database that does not answer gets 503 ProblemDetails with Retry-After, never a 500, and nothing is stored;
/// the same request succeeds once the database answers again.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    [Fact]
    public async Task A_postgres_server_that_stops_answering_gives_503_with_retry_after_and_the_retry_succeeds()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var direct = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString);
        await using var proxy = new FreezableProxy(direct.Host!, direct.Port);
        var relayed = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Port = proxy.Port, Timeout = 2, CommandTimeout = 2 };
        await using var server = await ServerFixture.StartOnAsync(database, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = relayed.ConnectionString,
            ["Dispatcher:Enabled"] = "false",
        });
        await AssertUnavailableThenRecoversAsync(server, proxy.Freeze, proxy.Thaw);
    }

    [Fact]
    public async Task A_sqlite_file_locked_by_another_writer_past_the_timeout_gives_503_with_retry_after()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var server = await ServerFixture.StartOnAsync(database, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = database.Settings.ConnectionString + ";Default Timeout=1",
            ["Dispatcher:Enabled"] = "false",
        });
        SqliteConnection? holder = null;
        await AssertUnavailableThenRecoversAsync(server, () =>
        {
            holder = new SqliteConnection(database.Settings.ConnectionString);
            holder.Open();
            using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }, () =>
        {
            using var rollback = holder!.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
            holder.Dispose();
        });
    }

    private static async Task AssertUnavailableThenRecoversAsync(ServerFixture server, Action stop, Action resume)
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var serviceId = await CaseServer.ServiceIdAsync(worker, "join");
        await using var db = server.OpenDb();
        var before = await db.Cases.CountAsync();
        var data = await CaseServer.JoinDataAsync(worker);

        stop();
        var response = await worker.PostAsJsonAsync($"/api/services/{serviceId}/cases", new { data });
        var problem = await Api.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("database", Api.Text(problem));
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        resume();

        Assert.Equal(before, await db.Cases.CountAsync());
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync($"/api/services/{serviceId}/cases", new { data })).StatusCode);
        Assert.Equal(before + 1, await db.Cases.CountAsync());
    }
}
