using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using FormFlow.Persistence.Database;
using Npgsql;
using Microsoft.Data.Sqlite;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// Looks for secrets in plain text in every column of every table the database catalogue lists (not the EF model,
/// so a table or column nobody mapped is read too) and in log entries. Values are JSON-unescaped first: rows hold
/// <c>\u674E…</c> for 李…, and a search for the plain text alone would never match them.
/// </summary>
public static partial class PlainTextScan
{
    /// <summary>Each place a secret was found, as <c>table.column: secret</c>.</summary>
    public static async Task<List<string>> DatabaseAsync(TestDatabase database, IReadOnlyCollection<string> secrets)
    {
        var found = new List<string>();
        await using var connection = Open(database);
        await connection.OpenAsync();
        foreach (var (table, column) in await ColumnsAsync(connection, database.Settings.Provider))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = database.Settings.Provider == DatabaseProvider.Postgres
                ? $"SELECT \"{column}\"::text FROM \"{table}\""
                : $"SELECT \"{column}\" FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var text = reader.IsDBNull(0) ? null : reader.GetValue(0) switch
                {
                    string s => s,
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    var other => other.ToString(),
                };
                if (text is null) continue;
                found.AddRange(Matches(text, secrets).Select(secret => $"{table}.{column}: {secret}"));
            }
        }
        return found.Distinct().ToList();
    }

    /// <summary>Each log entry holding a secret, as <c>secret in: entry</c>.</summary>
    public static List<string> Logs(IEnumerable<string> entries, IReadOnlyCollection<string> secrets) =>
        entries.SelectMany(entry => Matches(entry, secrets).Select(secret => $"{secret} in: {entry}")).ToList();

    /// <summary>JSON escapes undone, however often the text was escaped (JSON held in a JSON string doubles the backslashes).</summary>
    public static string Unescaped(string text) =>
        UnicodeEscape().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    private static IEnumerable<string> Matches(string text, IReadOnlyCollection<string> secrets)
    {
        var plain = Unescaped(text);
        return secrets.Where(secret => plain.Contains(secret, StringComparison.Ordinal));
    }

    private static DbConnection Open(TestDatabase database) => database.Settings.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(database.Settings.ConnectionString)
        : new SqliteConnection(database.Settings.ConnectionString);

    private static async Task<List<(string Table, string Column)>> ColumnsAsync(DbConnection connection, DatabaseProvider provider)
    {
        await using var command = connection.CreateCommand();
        // Every column: SQLite stores text in a column of any declared type, and PostgreSQL casts any type to text.
        command.CommandText = provider == DatabaseProvider.Postgres
            ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
            : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY m.name, p.cid";
        var columns = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    [GeneratedRegex(@"\\+u([0-9a-fA-F]{4})")]
    private static partial Regex UnicodeEscape();
}
