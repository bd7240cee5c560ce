using FormFlow.Persistence.Database;
using FormFlow.Persistence.Statistics;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Statistics;

/// <summary>
/// Changes no workflow makes today, saved through the context: the steps' deadlines follow a closed step reopened,
/// given another due time or deleted, and a case moved to another org, module and month as its open step closes.
/// The on-time figures follow a step's first closing only, so only the measures that follow these are compared.
/// </summary>
public sealed class StepDeadlineChangeTests
{
    private static readonly DateTime Submitted = EarlierReleaseCases.Submitted;
    private static readonly DateTime Due = Submitted.AddDays(15);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Steps_reopened_re_dated_or_deleted_and_a_moved_case_keep_the_deadlines_equal_to_the_steps(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = await database.OpenMigratedAsync())
        {
            await EarlierReleaseCases.WriteAsync(setup, provider, [(1, "running", Submitted, Submitted), (2, "running", Submitted, Submitted)],
            [
                (1, 1, Due, Due.AddHours(-1), "approve"), (2, 1, Due, Due.AddHours(1), "approve"), (3, 1, Due, Due.AddHours(-2), "approve"),
                (4, 2, Due, Due.AddHours(2), "approve"), (5, 2, Due, null, null),
            ]);
            Assert.True((await FigureRecount.RecountAsync(setup, repair: true)).Repaired); // the figures of rows written without a save
        }

        await using var db = database.Open();
        var steps = await db.CaseTasks.OrderBy(t => t.Id).ToListAsync();
        steps[0].CompletedAt = null;
        steps[1].DueAt = Due.AddHours(2);
        db.CaseTasks.Remove(steps[2]);
        await db.SaveChangesAsync();
        var moved = await db.Cases.SingleAsync(c => c.Id == 2);
        (moved.OrgUnitId, moved.ModuleKey, moved.CreatedAt) = (1, "legal-consultation", Submitted.AddDays(31));
        steps[4].CompletedAt = Due.AddHours(3);
        await db.SaveChangesAsync();

        async Task<Dictionary<string, long>> DeadlinesAsync(int org, int period) =>
            await db.Figures.AsNoTracking().Where(f => f.OrgUnitId == org && f.Period == period && f.Measure == FigureMeasures.StepDeadlines && f.Value != 0)
                .ToDictionaryAsync(f => $"{f.ModuleKey}/{f.Key}", f => f.Value);
        // Case 1 keeps its re-dated step (now met); case 2's two late steps went with it to the city, 1 January 2027.
        Assert.Equal(new Dictionary<string, long> { ["join/met"] = 1 }, await DeadlinesAsync(2, 20261201));
        Assert.Equal(new Dictionary<string, long> { ["join/met"] = 1 }, await DeadlinesAsync(1, 2026));
        Assert.Empty(await DeadlinesAsync(2, 2027));
        Assert.Equal(new Dictionary<string, long> { ["legal-consultation/late"] = 2 }, await DeadlinesAsync(1, 20270101));
        var recount = await FigureRecount.RecountAsync(db, repair: false, new HashSet<string> { FigureMeasures.StepDeadlines, FigureMeasures.ByStatus });
        Assert.True(recount.DifferenceCount == 0, string.Join("; ", recount.Differences.Take(10).Select(d => $"{d.Key}: recounted {d.Expected}, stored {d.Stored}")));
    }
}
