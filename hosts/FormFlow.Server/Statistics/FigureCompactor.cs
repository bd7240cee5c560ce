using FormFlow.Persistence;
using FormFlow.Persistence.Statistics;
using FormFlow.Server.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Statistics;

/// <summary>
/// Compacts each month's figures once the month is over (<see cref="FigureCompaction"/>), one month per pass, oldest
/// first; a database of an earlier release has all its past months done this way after an upgrade. Once nothing is
/// left it looks again only when the local month changes. Several servers may compact one month at once: harmless,
/// the values are untouched and the second record of the month fails alone.
/// </summary>
internal sealed class FigureCompactor(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<FigureCompactor> log)
    : PollingService(config, log)
{
    /// <summary>The local month in which a pass last found nothing to compact.</summary>
    private int _settledIn;

    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var today = FigurePeriods.LocalDay(clock.GetUtcNow().UtcDateTime);
        if (_settledIn == FigurePeriods.Month(today)) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
        if ((await FigureCompaction.PendingAsync(db, today, ct)).FirstOrDefault() is not (> 0 and var month))
        {
            _settledIn = FigurePeriods.Month(today);
            return 0;
        }
        try
        {
            var rows = await FigureCompaction.CompactAsync(db, month, clock, ct);
            log.LogInformation("Figures of {Month} compacted: {Rows} rows written in read order", month, rows);
        }
        catch (DbUpdateException ex)
        {
            log.LogInformation(ex, "Figures of {Month} were compacted by another server meanwhile", month);
        }
        return 1;
    }
}
