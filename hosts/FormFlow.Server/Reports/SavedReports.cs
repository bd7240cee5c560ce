using System.Globalization;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Reports;
using FormFlow.Server.Statistics;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Reports;

/// <summary>
/// A leader's own reports: saved, changed, deleted and run only by their owner, each run by the owner's scope now
/// (<see cref="ReportScope"/>). Another account's report answers 404 as an unknown one.
/// </summary>
internal sealed class SavedReports(FormFlowDbContext db, TimeProvider clock)
{
    public Task<List<SavedReport>> ListAsync(Account owner, CancellationToken ct) =>
        db.SavedReports.AsNoTracking().Where(r => r.OwnerAccountId == owner.Id).OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id).ToListAsync(ct);

    public Task<SavedReport?> FindAsync(Account owner, long id, CancellationToken ct) =>
        db.SavedReports.SingleOrDefaultAsync(r => r.Id == id && r.OwnerAccountId == owner.Id, ct);

    /// <summary>Saves a new report, or changes <paramref name="existing"/>; nothing is saved when it is refused.</summary>
    public async Task<(SavedReport? Report, ReportRefusal? Refusal)> SaveAsync(Account owner, ReportDefinition definition, SavedReport? existing, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var report = new SavedReport { OwnerAccountId = owner.Id, Name = "", Measures = "", CreatedAt = now };
        if (definition.ApplyTo(report, now) is { } bad) return (null, bad);
        if ((await ReportScope.ResolveAsync(db, owner, report.OrgUnitId, narrow: false, ct)).Refusal is { } outside) return (null, outside);
        if (report.ModuleKey is { } module && !await db.Modules.AnyAsync(m => m.Key == module, ct))
            return (null, new ReportRefusal(StatusCodes.Status400BadRequest, "Invalid report field 'moduleKey'", $"no module has the key '{module}'", "moduleKey"));
        if (existing is null)
        {
            db.SavedReports.Add(report);
        }
        else
        {
            definition.ApplyTo(existing, now);
            report = existing;
        }
        await db.SaveChangesAsync(ct);
        return (report, null);
    }

    public async Task DeleteAsync(SavedReport report, CancellationToken ct)
    {
        db.SavedReports.Remove(report);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The report's table for <paramref name="runner"/>, by their scope now.</summary>
    public async Task<(ReportTable? Table, ReportRefusal? Refusal)> RunAsync(Account runner, SavedReport report, CancellationToken ct)
    {
        var (roots, refusal) = await ReportScope.ResolveAsync(db, runner, report.OrgUnitId, narrow: true, ct);
        if (refusal is not null) return (null, refusal);
        return await new ReportTables(db).RunAsync(report, roots, clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>An unsaved definition's table (the Studio's preview), checked as a save would be.</summary>
    public async Task<(ReportTable? Table, ReportRefusal? Refusal)> PreviewAsync(Account runner, ReportDefinition definition, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var report = new SavedReport { OwnerAccountId = runner.Id, Name = "", Measures = "", CreatedAt = now };
        if (definition.ApplyTo(report, now) is { } bad) return (null, bad);
        var (roots, refusal) = await ReportScope.ResolveAsync(db, runner, report.OrgUnitId, narrow: false, ct);
        if (refusal is not null) return (null, refusal);
        return await new ReportTables(db).RunAsync(report, roots, now, ct);
    }

    /// <summary>The table as an xlsx in a temporary file (deleted when the stream closes), and its file name.</summary>
    public async Task<(Stream File, string Name)> ExcelAsync(ReportTable table, long id, CancellationToken ct)
    {
        var stamp = clock.GetUtcNow().ToOffset(Cases.CaseNumbers.LocalOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return (await FigureSheets.WriteAsync("报表", ReportTables.Sheet(table), ct), $"formflow-report-{id}-{stamp}.xlsx");
    }
}
