using FormFlow.Persistence.Database;
using FormFlow.Persistence.Statistics;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Persistence;

/// <summary>
/// A database written by the release before the figures of steps' deadlines (and the index of open steps) opens with
/// this one: it gets the index and those figures from its steps, once, as it opens; they equal a recount, and nothing
/// it had is lost or changed.
/// </summary>
public sealed class LandedStepDeadlineFiguresTests
{
    private static readonly DateTime Submitted = EarlierReleaseCases.Submitted;
    private static readonly DateTime Due = Submitted.AddDays(15);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Steps_of_the_previous_release_are_in_the_figures_of_deadlines_once_the_database_opens(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var old = await database.OpenAsReleaseBeforeAsync("OpenStepsByDueTime"))
        {
            await EarlierReleaseCases.WriteAsync(old, provider,
                [(1, "finished", Submitted, Submitted.AddDays(3)), (2, "running", Submitted, Submitted), (3, "running", Submitted, Submitted)],
                [
                    (1, 1, Due, Submitted.AddDays(3), "approve"), (2, 2, Due, Due.AddHours(5), "escalate"), (3, 2, Due.AddDays(15), null, null),
                    (4, 3, Due, Due, FigureRules.CancelledOutcome), (5, 3, null, Submitted.AddDays(1), "approve"), (6, 3, Due, null, null),
                ]);
            // Every figure the previous release kept, kept as it kept them.
            await FigureRecount.RecountAsync(old, repair: true, Measures().Where(m => m != FigureMeasures.StepDeadlines).ToHashSet());
        }

        await using var db = database.Open();
        var kept = await FiguresAsync(db);
        Assert.DoesNotContain(kept.Keys, k => k.Measure == FigureMeasures.StepDeadlines);
        Assert.Contains(await FormFlowDatabase.MigrateAsync(db), m => m.EndsWith("_OpenStepsByDueTime", StringComparison.Ordinal));

        async Task<Dictionary<string, long>> DeadlinesAsync(int org, int period) =>
            await db.Figures.AsNoTracking().Where(f => f.OrgUnitId == org && f.Period == period && f.Measure == FigureMeasures.StepDeadlines).ToDictionaryAsync(f => f.Key, f => f.Value);
        foreach (var (org, period) in new[] { (1, 2026), (2, 202612), (2, 20261201) })
            Assert.Equal(new Dictionary<string, long> { [FigureRules.DeadlineMet] = 2, [FigureRules.DeadlineLate] = 1 }, await DeadlinesAsync(org, period));
        Assert.Equal(0, (await FigureRecount.RecountAsync(db, repair: false)).DifferenceCount);
        // Only the missing measure was written; the steps and cases are all there.
        Assert.Equal(kept, (await FiguresAsync(db)).Where(f => f.Key.Measure != FigureMeasures.StepDeadlines).ToDictionary());
        Assert.Equal((3, 6), (await db.Cases.CountAsync(), await db.CaseTasks.CountAsync()));

        // Once: the next start finds the measure's rows and counts nothing again (a figure damaged by hand stays so).
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Figures" SET "Value" = 5 WHERE "OrgUnitId" = 1 AND "Period" = 2026 AND "Key" = 'late'""");
        await FormFlowDatabase.MigrateAsync(db);
        Assert.Equal(5, (await DeadlinesAsync(1, 2026))[FigureRules.DeadlineLate]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Stats_recount_opens_a_database_of_the_previous_release_as_the_server_would_and_finds_its_figures_whole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var old = await database.OpenAsReleaseBeforeAsync("OpenStepsByDueTime"))
        {
            await EarlierReleaseCases.WriteAsync(old, provider, [(1, "finished", Submitted, Submitted.AddDays(3))], [(1, 1, Due, Submitted.AddDays(3), "approve")]);
            await FigureRecount.RecountAsync(old, repair: true, Measures().Where(m => m != FigureMeasures.StepDeadlines).ToHashSet());
        }

        var (code, output, errors) = CliRun.Of(
            ["stats", "recount", "--provider", provider.ToString().ToLowerInvariant(), "--connection", database.Settings.ConnectionString]);

        Assert.True(code == 0, errors);
        Assert.Equal(0, (int)output["differences"]!);
        await using var db = database.Open();
        Assert.Equal(1, await db.Figures.Where(f => f.OrgUnitId == 1 && f.Period == 2026 && f.Measure == FigureMeasures.StepDeadlines && f.Key == FigureRules.DeadlineMet).Select(f => f.Value).SingleAsync());
    }

    /// <summary>Every measure this release keeps.</summary>
    private static IEnumerable<string> Measures() =>
        typeof(FigureMeasures).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static async Task<Dictionary<FigureKey, long>> FiguresAsync(FormFlow.Persistence.FormFlowDbContext db) =>
        await db.Figures.AsNoTracking().ToDictionaryAsync(f => new FigureKey(f.OrgUnitId, f.Period, f.Measure, f.ModuleKey, f.Key), f => f.Value);
}
