using FormFlow.Persistence.Database;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Persistence;

/// <summary>
/// A bulk write on SQLite runs with a page cache of up to 1 GiB (<see cref="SqliteBulkCache"/>), and the connection
/// goes back to the pool with its own setting: a server that filled figures at start does not keep a gigabyte's cap
/// on a pooled connection for the rest of its life.
/// </summary>
public sealed class SqliteBulkCacheTests
{
    [Fact]
    public async Task The_wide_cache_holds_while_widened_and_the_connections_own_setting_returns_after()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.Open();
        await db.Database.OpenConnectionAsync();
        var before = await CacheSizeAsync(db);

        await using (await SqliteBulkCache.WidenAsync(db))
            Assert.Equal(-1024 * 1024, await CacheSizeAsync(db));

        Assert.Equal(before, await CacheSizeAsync(db));
        Assert.NotEqual(-1024 * 1024, before);
    }

    private static async Task<long> CacheSizeAsync(DbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
