using System.Collections.Concurrent;
using Npgsql;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// One migrated and demo-seeded database per fixture type for the whole test run, which every fixture of that type
/// copies instead of migrating and seeding its own (most of a fixture's start-up). The template is seeded by a
/// fixture of the same type (same provider, settings, services and clock), started once on it and stopped, so a copy
/// holds what that fixture's own start would have written. On the system clock the copy is as old as the run so far,
/// as a restarted demo server's database is (the demo contest stays open thirty days). Dropped when the process exits.
/// </summary>
public static class SeededTemplates
{
    private static readonly ConcurrentDictionary<Type, Lazy<Task<TestDatabase>>> Templates = new();

    static SeededTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();

    /// <summary>A fresh copy of the template seeded by a new fixture of <paramref name="type"/> (made on first use).</summary>
    public static async Task<TestDatabase> CopyAsync(Type type, Func<ServerFixture> newFixture)
    {
        var template = Templates.GetOrAdd(type, _ => new Lazy<Task<TestDatabase>>(() => SeedAsync(newFixture())));
        return await TestDatabase.CopyAsync(await template.Value);
    }

    private static async Task<TestDatabase> SeedAsync(ServerFixture seeder)
    {
        var database = await TestDatabase.CreateAsync(seeder.Provider);
        seeder.StartAsTemplateOn(database);
        await seeder.DisposeAsync(); // SQLite's pools cleared
        NpgsqlConnection.ClearAllPools(); // PostgreSQL copies only a template that no one is connected to
        return database;
    }

    private static void DropAll()
    {
        foreach (var template in Templates.Values.Where(t => t.IsValueCreated && t.Value.IsCompletedSuccessfully))
            template.Value.Result.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
