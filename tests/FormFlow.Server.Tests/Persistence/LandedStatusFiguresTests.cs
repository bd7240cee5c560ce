using FormFlow.Persistence.Database;
using FormFlow.Persistence.Statistics;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Persistence;

/// <summary>
/// A database written by the release before the figures of cases by status opens with this one and gets them from its
/// cases, once, as it opens: they equal a recount, and a later start leaves them alone.
/// </summary>
public sealed class LandedStatusFiguresTests
{
    private static readonly DateTime Submitted = EarlierReleaseCases.Submitted;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Cases_of_the_previous_release_are_in_the_figures_by_status_once_the_database_opens(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var old = database.Open())
        {
            // The schema as it is (this measure needs none of its own), the rows as a release without the measure wrote them.
            await old.Database.MigrateAsync();
            await EarlierReleaseCases.WriteAsync(old, provider,
                [(1, "finished", Submitted, Submitted), (2, "running", Submitted, Submitted), (3, "running", Submitted, Submitted), (4, "waitingForApplicant", Submitted, Submitted)]);
        }

        await using var db = database.Open();
        await FormFlowDatabase.MigrateAsync(db);

        async Task<Dictionary<string, long>> ByStatusAsync(int org, int period) =>
            await db.Figures.AsNoTracking().Where(f => f.OrgUnitId == org && f.Period == period && f.Measure == FigureMeasures.ByStatus).ToDictionaryAsync(f => f.Key, f => f.Value);
        foreach (var (org, period) in new[] { (1, 2026), (2, 202612), (2, 20261201) })
            Assert.Equal(new Dictionary<string, long> { ["finished"] = 1, ["running"] = 2, ["waitingForApplicant"] = 1 }, await ByStatusAsync(org, period));
        Assert.Equal(0, (await FigureRecount.RecountAsync(db, repair: false, new HashSet<string> { FigureMeasures.ByStatus })).DifferenceCount);
        // Only the missing measure was written: the rest is the recount's to repair when asked.
        Assert.False(await db.Figures.AnyAsync(f => f.Measure != FigureMeasures.ByStatus));

        // Once: the next start finds the measure's rows and counts nothing again (a figure damaged by hand stays so).
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Figures" SET "Value" = 5 WHERE "OrgUnitId" = 1 AND "Period" = 2026 AND "Key" = 'running'""");
        await FormFlowDatabase.MigrateAsync(db);
        Assert.Equal(5, (await ByStatusAsync(1, 2026))["running"]);
    }
}
