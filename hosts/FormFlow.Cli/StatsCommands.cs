using System.CommandLine;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Statistics;

namespace FormFlow.Cli;

/// <summary>
/// `formflow stats recount [--repair] [--show 100] [--provider sqlite|postgres] [--connection ...] [--data-folder ./data]`
/// — migrates the database as the server would, recounts the statistics figures from the raw rows
/// (<see cref="FigureRecount"/>) and prints how many differ and the first of them (org, period, measure, module, key,
/// recounted, stored); with --repair writes the recounted values.
/// Exits 0 when the figures agree or were repaired, 1 when they differ and were left as they are.
/// `formflow stats compact [...]` — writes the figures of every closed month not yet compacted again in read order
/// (<see cref="FigureCompaction"/>), as the server does by itself, printing each month; for an upgrade to do it at once.
/// </summary>
internal static class StatsCommands
{
    public static Command Create()
    {
        var database = new DatabaseOptions();
        var repair = new Option<bool>("--repair") { Description = "write the recounted values where the stored figures differ" };
        var show = new Option<int>("--show") { Description = "how many differences to print", DefaultValueFactory = _ => 100 };
        var recount = database.AddTo(new Command("recount", "Recount the statistics figures from the raw rows, print the differences, and repair them with --repair.")
            { repair, show });
        recount.SetAction(async (result, ct) =>
        {
            if (result.GetValue(show) < 0) throw new CliException("--show must be 0 or more");
            var settings = database.Resolve(result);
            await using var db = FormFlowDatabase.CreateContext(settings);
            // As the server would at start: a database of an earlier release gets the measures added since, filled from
            // its rows, instead of having every row of them reported missing.
            await FormFlowDatabase.MigrateAsync(db, ct);
            var progress = new Progress<string>(line => result.InvocationConfiguration.Error.WriteLine(line));
            var outcome = await FigureRecount.RecountAsync(db, result.GetValue(repair), progress, ct);
            CliJson.Write(result, new
            {
                provider = settings.Provider.ToString().ToLowerInvariant(), recountedRows = outcome.ExpectedRows, storedRows = outcome.StoredRows,
                differences = outcome.DifferenceCount, repaired = outcome.Repaired,
                first = outcome.Differences.Take(result.GetValue(show)).Select(d => new
                {
                    org = d.Key.OrgUnitId, period = d.Key.Period, measure = d.Key.Measure, module = d.Key.ModuleKey, key = d.Key.Key,
                    recounted = d.Expected, stored = d.Stored,
                }),
            });
            return outcome.DifferenceCount == 0 || outcome.Repaired ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        var compact = database.AddTo(new Command("compact", "Write the figures of each closed month not yet compacted again, in the order the dashboards read them."));
        compact.SetAction(async (result, ct) =>
        {
            await using var db = FormFlowDatabase.CreateContext(database.Resolve(result));
            await FormFlowDatabase.MigrateAsync(db, ct); // as the server would at start: a database of an earlier release has no record of compactions
            var months = await FigureCompaction.PendingAsync(db, FigurePeriods.LocalDay(TimeProvider.System.GetUtcNow().UtcDateTime), ct);
            var rows = 0L;
            foreach (var month in months)
            {
                var written = await FigureCompaction.CompactAsync(db, month, TimeProvider.System, ct);
                result.InvocationConfiguration.Error.WriteLine($"{month}: {written:N0} rows");
                rows += written;
            }
            CliJson.Write(result, new { months, rows });
            return ExitCodes.Ok;
        });
        return new Command("stats", "Statistics figures.") { recount, compact };
    }
}
