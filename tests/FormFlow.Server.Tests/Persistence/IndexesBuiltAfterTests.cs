using FormFlow.Persistence;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Statistics;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Persistence;

/// <summary>
/// A bulk load into an empty table builds its secondary indexes after the rows (<see cref="IndexesBuiltAfter"/>): the
/// table comes out with the indexes the migrations gave it, and a load that fails leaves them, and no row, behind.
/// </summary>
public sealed class IndexesBuiltAfterTests
{
    private static readonly string[] Measures = ["received", "finished", "late"];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_figures_come_out_of_a_load_with_the_indexes_the_migrations_gave_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenMigratedAsync();
        var migrated = await IndexesAsync(db);
        Assert.Contains(migrated, i => i.Contains("IX_Figures_Measure_Period_OrgUnitId", StringComparison.Ordinal));

        await using (var transaction = await db.BeginWriteTransactionAsync())
        {
            var written = await IndexesBuiltAfter.LoadAsync(db, "Figures", async () =>
            {
                Assert.DoesNotContain(await IndexesAsync(db), i => i.Contains("IX_Figures_Measure_Period_OrgUnitId", StringComparison.Ordinal));
                var rows = Enumerable.Range(1, 300).Select(n => new Figure { OrgUnitId = 1 + n % 7, Period = 20260000 + 101 + n % 28, Measure = Measures[n % 3], Key = n.ToString(), Value = n }).ToList();
                await BulkRows.WriteAsync(db, rows, default);
                return rows.Count;
            });
            Assert.Equal(300, written);
            await transaction.CommitAsync();
        }

        Assert.Equal(migrated, await IndexesAsync(db));
        Assert.Equal(300, await db.Figures.CountAsync());
        Assert.Equal(Enumerable.Range(1, 300).Where(n => n % 3 == 2).Sum(), await db.Figures.Where(f => f.Measure == "late").SumAsync(f => f.Value));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_load_that_fails_leaves_the_indexes_and_no_row(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenMigratedAsync();
        var migrated = await IndexesAsync(db);

        await using (var transaction = await db.BeginWriteTransactionAsync())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => IndexesBuiltAfter.LoadAsync<int>(db, "Figures", async () =>
            {
                await BulkRows.WriteAsync(db, [new Figure { OrgUnitId = 1, Period = 2026, Measure = "received", Value = 1 }], default);
                throw new InvalidOperationException("the load broke off");
            }));
        }

        await using var after = database.Open();
        Assert.Equal(migrated, await IndexesAsync(after));
        Assert.Equal(0, await after.Figures.CountAsync());
    }

    [Fact]
    public async Task Outside_a_transaction_nothing_is_dropped()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.OpenMigratedAsync();
        var migrated = await IndexesAsync(db);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => IndexesBuiltAfter.LoadAsync(db, "Figures", () => Task.FromResult(0)));
        Assert.Contains("transaction", refused.Message);
        Assert.Equal(migrated, await IndexesAsync(db));
    }

    /// <summary>Every index of the figures table as the database's catalogue describes it, the primary key's included.</summary>
    private static Task<List<string>> IndexesAsync(FormFlowDbContext db) => db.Database.SqlQueryRaw<string>(db.Database.IsNpgsql()
        ? """SELECT indexname || ': ' || indexdef AS "Value" FROM pg_indexes WHERE tablename = 'Figures' ORDER BY indexname"""
        : """SELECT "name" || ': ' || COALESCE("sql", '(automatic)') AS "Value" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = 'Figures' ORDER BY "name" """)
        .ToListAsync();
}
