using System.Globalization;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Statistics;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Statistics;

/// <summary>
/// What a figures request may read, scoped exactly like <see cref="StatsScope"/>: one org unit inside the caller's
/// staff subtrees (by default the highest unit where they hold a staff role), and a period of local dates, both
/// inclusive. Every figure of the org's row is its subtree's, so nothing outside the caller's subtrees is ever read:
/// a district's staff cannot ask for the city (404, as for an unknown ID), and the parent is named only when it too
/// lies inside their subtrees.
/// </summary>
internal sealed record FigureScope(OrgUnit Org, OrgUnit? Parent, IReadOnlyList<OrgUnit> StaffRoots, DateOnly From, DateOnly To)
{
    public bool MaySee(OrgUnit unit) => StaffRoots.Any(s => OrgSubtree.Contains(s.Path, unit.Path));

    /// <summary>The units where the account holds a role that reaches their subtree (figures and reports count only there).</summary>
    public static List<OrgUnit> StaffUnits(Account account) =>
        account.Roles.Where(r => Roles.ReachesSubtree(r.Role)).Select(r => r.OrgUnit!).DistinctBy(o => o.Id).ToList();

    /// <summary>The default org of a figures view or report: the highest of the staff units.</summary>
    public static OrgUnit Highest(IEnumerable<OrgUnit> staff) => staff.OrderBy(o => o.Path.Length).ThenBy(o => o.Id).First();

    public static async Task<(FigureScope? Scope, IResult? Refusal)> ResolveAsync(
        FormFlowDbContext db, HttpContext http, string? orgUnitId, string? from, string? to, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return (null, CurrentAccount.Gone());
        var staff = StaffUnits(account);
        if (staff.Count == 0)
            return (null, StatsScope.Problem(StatusCodes.Status403Forbidden, "Forbidden", "statistics are for union staff; workers and merchants have none"));

        if (ParseDates(from, to, "from", "to") is { Refusal: { } bad }) return (null, bad);
        var (fromDay, toDay, _) = ParseDates(from, to, "from", "to");

        OrgUnit org;
        if (string.IsNullOrEmpty(orgUnitId))
        {
            org = Highest(staff);
        }
        else
        {
            if (!int.TryParse(orgUnitId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return (null, StatsScope.Problem(StatusCodes.Status400BadRequest, "Invalid query parameter 'orgUnitId'", $"orgUnitId '{orgUnitId}' is not an org unit ID (a whole number)", "orgUnitId"));
            var found = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
            if (found is null || !staff.Any(s => OrgSubtree.Contains(s.Path, found.Path)))
                return (null, StatsScope.Problem(StatusCodes.Status404NotFound, "Org unit not found", $"org unit {id} does not exist or is not in your subtree", "orgUnitId"));
            org = found;
        }
        var parent = org.ParentId is { } p ? await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == p, ct) : null;
        if (parent is not null && !staff.Any(s => OrgSubtree.Contains(s.Path, parent.Path))) parent = null;
        return (new FigureScope(org, parent, staff, fromDay, toDay), null);
    }

    /// <summary>A period from two optional local dates (yyyy-MM-dd, inclusive); all of 2000–2099 when both are absent.</summary>
    public static (DateOnly From, DateOnly To, IResult? Refusal) ParseDates(string? from, string? to, string fromName, string toName)
    {
        var fromDay = FigurePeriods.First;
        var toDay = FigurePeriods.Last;
        if (!string.IsNullOrEmpty(from))
        {
            if (ParseDay(from) is not { } f) return (fromDay, toDay, BadDate(fromName, from));
            fromDay = f;
        }
        if (!string.IsNullOrEmpty(to))
        {
            if (ParseDay(to) is not { } t) return (fromDay, toDay, BadDate(toName, to));
            toDay = t;
        }
        if (fromDay > toDay)
            return (fromDay, toDay, StatsScope.Problem(StatusCodes.Status400BadRequest, $"Invalid query parameter '{fromName}'", $"{fromName} ({from}) is after {toName} ({to})", fromName));
        return (fromDay, toDay, null);
    }

    private static DateOnly? ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day >= FigurePeriods.First && day <= FigurePeriods.Last
            ? day : null;

    private static IResult BadDate(string name, string value) =>
        StatsScope.Problem(StatusCodes.Status400BadRequest, $"Invalid query parameter '{name}'", $"{name} '{value}' is not a date from 2000-01-01 to 2099-12-31 like 2026-03-01", name);
}
