using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Database;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FormFlow.Server.Tests.Responses;

/// <summary>
/// A secret ballot as a database reader sees it: six voters choose six different answers, then every row of every
/// table (all columns, with PostgreSQL's xmin and ctid and SQLite's rowid where a table has one), the audit log and
/// the server's log are searched for anything linking a voter to a choice.
/// </summary>
public abstract class SecretBallotTests(LoggedResponseServer server)
{
    private static readonly (string User, string[] Choice)[] Votes =
    [
        ("worker", ["wangmin"]), ("reviewer", ["lijun"]), ("lawyer", ["zhaoli"]), ("designer", ["chenhao"]),
        ("district-admin", ["wangmin", "lijun"]), ("merchant", ["zhaoli", "chenhao"]),
    ];

    private sealed record RawRow(string Table, string? Xmin, string? Ctid, long? RowId, string Text);

    [Fact]
    public async Task No_table_column_row_order_transaction_id_or_log_line_links_a_voter_to_a_choice()
    {
        int vote = 0;
        foreach (var (user, choice) in Votes)
        {
            var client = await Api.CookieClientAsync(server, user);
            vote = await CaseServer.ServiceIdAsync(client, "vote");
            await Api.JsonAsync(await client.PostAsJsonAsync($"/api/services/{vote}/responses", new { data = ResponseServer.Ballot(choice) }));
        }
        await using var db = server.OpenDb();
        var voters = await db.Participations.Where(p => p.ServiceActivationId == vote).Select(p => p.AccountId).ToListAsync();
        Assert.Equal(Votes.Length, voters.Count);
        var names = await db.Users.Where(u => voters.Contains(u.Id)).Select(u => u.UserName!).ToListAsync();
        var piles = await db.BallotPiles.Where(p => p.ServiceActivationId == vote && p.Count > 0).ToListAsync();
        Assert.Equal(Votes.Length, piles.Count);
        Assert.All(piles, p => Assert.Equal(1, p.Count));
        var choices = piles.Select(p => p.Answer).ToList();

        var rows = await RawRowsAsync(server.Database);
        bool NamesAVoter(RawRow r) => voters.Concat(names).Any(v => r.Text.Contains(v, StringComparison.Ordinal));
        // PostgreSQL's row text doubles the quotes inside a quoted column.
        bool HoldsAChoice(RawRow r) => choices.Any(c => PlainTextScan.Unescaped(r.Text).Replace("\"\"", "\"").Contains(c, StringComparison.Ordinal));

        // No row holds both a voter and a choice.
        Assert.Empty(rows.Where(r => NamesAVoter(r) && HoldsAChoice(r)).Select(r => $"{r.Table}: {r.Text}"));
        // Choices are held only by the piles, which carry no order of writing (no rowid) ...
        var holders = rows.Where(HoldsAChoice).ToList();
        Assert.Equal(Votes.Length, holders.Count);
        Assert.All(holders, r => Assert.Equal("BallotPiles", r.Table));
        Assert.All(holders, r => Assert.Null(r.RowId));
        // ... and on PostgreSQL all piles of the ballot carry one transaction id: the last vote's, whatever it chose.
        if (server.Provider == DatabaseProvider.Postgres)
        {
            var pileXmins = rows.Where(r => r.Table == "BallotPiles" && r.Text.StartsWith($"({vote},", StringComparison.Ordinal)).Select(r => r.Xmin).Distinct().ToList();
            Assert.Single(pileXmins);
        }
        // The tallies of a secret ballot count only that someone of an org took part.
        Assert.Empty(await db.ResponseTallies.Where(t => t.ServiceActivationId == vote && t.Field != "").ToListAsync());
        Assert.Equal(0, await db.Responses.CountAsync(r => r.ServiceActivationId == vote));
        // The log says nothing of any choice.
        var candidates = new[] { "wangmin", "lijun", "zhaoli", "chenhao" };
        Assert.Empty(PlainTextScan.Logs(server.Logs.Entries.Where(e => !e.Contains("module-templates", StringComparison.Ordinal)), [.. choices, .. candidates]));
    }

    /// <summary>Every row of every table, as text, with the system columns a reader could use to order or group rows.</summary>
    private static async Task<List<RawRow>> RawRowsAsync(TestDatabase database)
    {
        var postgres = database.Settings.Provider == DatabaseProvider.Postgres;
        await using DbConnection connection = postgres ? new NpgsqlConnection(database.Settings.ConnectionString) : new SqliteConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var rows = new List<RawRow>();
        foreach (var table in tables)
        {
            var withRowId = !postgres && await HasRowIdAsync(connection, table);
            await using var command = connection.CreateCommand();
            command.CommandText = postgres
                ? $"SELECT xmin::text, ctid::text, t::text FROM \"{table}\" t"
                : $"SELECT {(withRowId ? "rowid" : "NULL")}, * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (postgres) rows.Add(new(table, reader.GetString(0), reader.GetString(1), null, reader.GetString(2)));
                else rows.Add(new(table, null, null, reader.IsDBNull(0) ? null : reader.GetInt64(0),
                    string.Join("|", Enumerable.Range(1, reader.FieldCount - 1).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] b ? System.Text.Encoding.UTF8.GetString(b) : reader.GetValue(i).ToString()))));
            }
        }
        return rows;
    }

    private static async Task<bool> HasRowIdAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid FROM \"{table}\" LIMIT 1";
        try
        {
            await command.ExecuteScalarAsync();
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}

public sealed class SqliteSecretBallotTests(SqliteLoggedResponseServer server) : SecretBallotTests(server), IClassFixture<SqliteLoggedResponseServer>;

public sealed class PostgresSecretBallotTests(PostgresLoggedResponseServer server) : SecretBallotTests(server), IClassFixture<PostgresLoggedResponseServer>;
