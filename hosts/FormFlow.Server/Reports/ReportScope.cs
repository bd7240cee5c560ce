using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Shared;
using FormFlow.Server.Statistics;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Reports;

/// <summary>
/// The org subtrees a report counts for the account that runs it, by that account's roles now (role × subtree, as the
/// dashboards): the report's org when it lies within the runner's staff subtrees (default: their highest staff unit).
/// A report whose org the runner no longer reaches (their role was narrowed since it was saved) counts only the
/// runner's staff units inside that org, so no total ever includes a unit they may not see; none: 404.
/// </summary>
internal static class ReportScope
{
    /// <summary>The roots to count (disjoint subtrees), or the refusal.</summary>
    public static async Task<(List<OrgUnit> Roots, ReportRefusal? Refusal)> ResolveAsync(FormFlowDbContext db, Account runner, int? orgUnitId, bool narrow, CancellationToken ct)
    {
        var staff = FigureScope.StaffUnits(runner);
        if (staff.Count == 0) return ([], new ReportRefusal(StatusCodes.Status403Forbidden, "Forbidden", "reports are for union staff; workers and merchants have none"));
        if (orgUnitId is null) return ([FigureScope.Highest(staff)], null);

        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgUnitId, ct);
        if (org is not null && staff.Any(s => OrgSubtree.Contains(s.Path, org.Path))) return ([org], null);
        var inside = org is null || !narrow ? [] : staff.Where(s => OrgSubtree.Contains(org.Path, s.Path)).ToList();
        var roots = inside.Where(s => !inside.Any(o => o.Id != s.Id && OrgSubtree.Contains(o.Path, s.Path))).OrderBy(o => o.Path, StringComparer.Ordinal).ToList();
        // Unknown and outside my subtrees answer alike, so another district's IDs leak nothing.
        return roots.Count > 0 ? (roots, null)
            : ([], new ReportRefusal(StatusCodes.Status404NotFound, "Org unit not found", $"org unit {orgUnitId} does not exist or is not in your subtree", "orgUnitId"));
    }
}
