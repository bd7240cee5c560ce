using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Durability;

/// <summary>
/// Server processes started together on a fresh PostgreSQL database (a deployment scaling out, the fault soak's two
/// processes) all come up: one of them applies each migration and the others wait for it, instead of one crashing
/// with 42P07 "relation already exists" as the soak found.
/// </summary>
[Collection(ServerProcess.Collection)]
public sealed class ConcurrentStartTests
{
    [Fact]
    public async Task Three_processes_starting_together_on_a_fresh_postgres_database_all_start_and_apply_each_migration_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var folders = Enumerable.Range(0, 3).Select(_ => Directory.CreateTempSubdirectory("formflow-start-").FullName).ToList();
        var starts = folders.Select(f => DurableServer.StartAsync(database, f)).ToList();
        try
        {
            await Task.WhenAll(starts);
            await using var db = FormFlowDatabase.CreateContext(database.Settings);
            var applied = await db.Database.GetAppliedMigrationsAsync();
            Assert.Equal(db.Database.GetMigrations(), applied);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully)) await start.Result.DisposeAsync();
            foreach (var folder in folders) try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
