using FormFlow.Persistence;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Persistence;

/// <summary>"Everything under X" is one range query on the indexed path, exact on both providers.</summary>
public sealed class SubtreeQueryTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_subtree_is_exact_and_read_through_the_path_index(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenMigratedAsync();

        var city = await OrgUnits.CreateAsync(db, "某市总工会", OrgLevel.City, null);
        var d1 = await OrgUnits.CreateAsync(db, "一区总工会", OrgLevel.District, city);
        var s1 = await OrgUnits.CreateAsync(db, "一街道", OrgLevel.Street, d1);
        // Enough siblings that IDs reach two digits: /1/2/ must not match /1/20/ or /1/21/.
        var others = new List<OrgUnit>();
        for (var i = 0; i < 20; i++) others.Add(await OrgUnits.CreateAsync(db, $"其他区{i}", OrgLevel.District, city));
        var g1 = await OrgUnits.CreateAsync(db, "基层工会", OrgLevel.Grassroots, s1);
        var underOther = await OrgUnits.CreateAsync(db, "其他街道", OrgLevel.Street, others[^1]);

        Assert.Equal($"/{city.Id}/{d1.Id}/{s1.Id}/{g1.Id}/", g1.Path);
        var subtree = await db.OrgUnits.Within(d1.Path).Select(o => o.Name).ToListAsync();
        Assert.Equal(["一区总工会", "一街道", "基层工会"], subtree.Order());
        Assert.Equal(25, await db.OrgUnits.Within(city.Path).CountAsync()); // every unit created here
        Assert.Equal(["其他区19", "其他街道"], (await db.OrgUnits.Within(others[^1].Path).Select(o => o.Name).ToListAsync()).Order());

        var sql = db.OrgUnits.Within(d1.Path).ToQueryString();
        Assert.Contains("\"Path\" >=", sql);
        Assert.Contains("\"Path\" <", sql);
        Assert.Contains("IX_OrgUnits_Path", await PlanAsync(db, sql, provider));
    }

    [Fact]
    public async Task A_unit_cannot_sit_under_a_lower_or_equal_level()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.OpenMigratedAsync();
        var street = await OrgUnits.CreateAsync(db, "街道", OrgLevel.Street, null);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => OrgUnits.CreateAsync(db, "区", OrgLevel.District, street));
        Assert.Contains("cannot sit under", ex.Message);
        Assert.Equal(1, await db.OrgUnits.CountAsync());
    }

    /// <summary>The query plan as text. PostgreSQL prefers a sequential scan on tiny tables, so it is told not to.</summary>
    private static async Task<string> PlanAsync(FormFlowDbContext db, string sql, DatabaseProvider provider)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        if (provider == DatabaseProvider.Postgres)
        {
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }
        // ToQueryString declares parameters as text (SQLite) or SET statements (PostgreSQL); keep only the SELECT.
        var select = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        command.CommandText = (provider == DatabaseProvider.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + InlineParameters(sql, select);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetValue(reader.FieldCount - 1).ToString()!);
        return string.Join("\n", lines);
    }

    /// <summary>Replaces <c>@name</c> parameters in the SELECT with the literal values ToQueryString declared for them.</summary>
    private static string InlineParameters(string sql, string select)
    {
        foreach (var line in sql.Split('\n').TakeWhile(l => !l.StartsWith("SELECT")))
        {
            // ".param set @p '/1/2/'" (SQLite) or "-- @p='/1/2/'" (PostgreSQL)
            var match = System.Text.RegularExpressions.Regex.Match(line, @"(@\w+)\s*=?\s*'([^']*)'");
            if (match.Success) select = select.Replace(match.Groups[1].Value, $"'{match.Groups[2].Value}'");
        }
        return select;
    }
}
