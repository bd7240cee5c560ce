using FormFlow.Persistence.Database;
using FormFlow.Persistence.Statistics;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Persistence;

/// <summary>
/// A database of the release before the figures opens with this one and gets its figures from its raw rows at once:
/// its closed cases get their closing time (their last update) and the figures equal a recount, losing no case.
/// </summary>
public sealed class LandedFiguresTests
{
    private static readonly DateTime Submitted = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Finished = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Cases_of_the_previous_release_are_in_the_figures_after_the_migration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var old = await database.OpenAsReleaseBeforeAsync(FormFlowDatabase.FiguresMigration))
        {
            await EarlierReleaseCases.WriteAsync(old, provider, [(1, "finished", Submitted, Finished), (2, "running", Submitted, Submitted)]);
        }

        await using var db = database.Open();
        Assert.Contains(await FormFlowDatabase.MigrateAsync(db), m => m.EndsWith("_" + FormFlowDatabase.FiguresMigration));

        Assert.Equal([Finished, null], await db.Cases.OrderBy(c => c.Id).Select(c => c.ClosedAt).ToListAsync());
        var year = await db.Figures.Where(f => f.Period == 2026).ToListAsync();
        foreach (var org in new[] { 1, 2 })
        {
            Assert.Equal(2, year.Where(f => f.OrgUnitId == org && f.Measure == FigureMeasures.Received).Sum(f => f.Value));
            Assert.Equal(1, year.Where(f => f.OrgUnitId == org && f.Measure == FigureMeasures.Finished).Sum(f => f.Value));
        }
        Assert.Equal(1, await db.Figures.Where(f => f.OrgUnitId == 2 && f.Period == 20261201 && f.Measure == FigureMeasures.Finished).SumAsync(f => f.Value));
        Assert.Empty((await FigureRecount.RecountAsync(db, repair: false)).Differences);
    }
}
