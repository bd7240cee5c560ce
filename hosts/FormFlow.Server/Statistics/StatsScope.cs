using System.Globalization;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Statistics;
using FormFlow.Server.Cases;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Statistics;

/// <summary>
/// What a statistics request counts: the org units (the caller's staff subtrees, or one org inside them) and the
/// period in the union's local dates, <c>from</c> and <c>to</c> both inclusive. Parameters are read as text so a
/// bad value answers 400 naming the parameter instead of a binding failure.
/// </summary>
/// <param name="OrgIds">Every unit of the scope.</param>
/// <param name="RootIds">The units whose subtrees make the scope, none inside another: their figures hold the whole scope's once.</param>
/// <param name="FromDay">The first local date of the period.</param>
/// <param name="ToDay">The last local date of the period.</param>
internal sealed record StatsScope(List<int> OrgIds, List<int> RootIds, DateOnly FromDay, DateOnly ToDay)
{
    /// <summary>The start of the period (local midnight of <see cref="FromDay"/>) in UTC.</summary>
    public DateTime FromUtc => StartUtc(FromDay);
    /// <summary>The end of the period (local midnight after <see cref="ToDay"/>) in UTC, exclusive.</summary>
    public DateTime ToUtc => ToDay == DateOnly.MaxValue ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) : StartUtc(ToDay.AddDays(1));

    /// <summary>The scope, or the refusal: 401/403 for who asks, 400 for a bad parameter, 404 for an org outside my subtrees.</summary>
    public static async Task<(StatsScope? Scope, IResult? Refusal)> ResolveAsync(
        FormFlowDbContext db, HttpContext http, string? orgUnitId, string? from, string? to, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return (null, CurrentAccount.Gone());
        var staff = account.Roles.Where(r => Roles.ReachesSubtree(r.Role)).Select(r => r.OrgUnit!).ToList();
        if (staff.Count == 0)
            return (null, Problem(StatusCodes.Status403Forbidden, "Forbidden", "statistics are for union staff; workers and merchants have none"));

        var fromDay = FigurePeriods.First;
        var toDay = FigurePeriods.Last;
        if (!string.IsNullOrEmpty(from))
        {
            if (ParseDate(from) is not { } f) return (null, BadParameter("from", from));
            fromDay = f;
        }
        if (!string.IsNullOrEmpty(to))
        {
            if (ParseDate(to) is not { } t) return (null, BadParameter("to", to));
            toDay = t;
        }
        if (fromDay > toDay)
            return (null, Problem(StatusCodes.Status400BadRequest, "Invalid query parameter 'from'", $"from ({from}) is after to ({to})", "from"));

        List<OrgUnit> roots;
        if (string.IsNullOrEmpty(orgUnitId))
        {
            roots = staff.Where(o => !staff.Any(s => s.Path != o.Path && OrgSubtree.Contains(s.Path, o.Path))).DistinctBy(o => o.Id).ToList();
        }
        else
        {
            if (!int.TryParse(orgUnitId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return (null, Problem(StatusCodes.Status400BadRequest, "Invalid query parameter 'orgUnitId'", $"orgUnitId '{orgUnitId}' is not an org unit ID (a whole number)", "orgUnitId"));
            var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
            // Unknown and outside my subtrees answer alike, so another district's IDs leak nothing.
            if (org is null || !staff.Any(s => OrgSubtree.Contains(s.Path, org.Path)))
                return (null, Problem(StatusCodes.Status404NotFound, "Org unit not found", $"org unit {id} does not exist or is not in your subtree", "orgUnitId"));
            roots = [org];
        }
        var ids = new HashSet<int>();
        foreach (var root in roots)
            ids.UnionWith(await db.OrgUnits.AsNoTracking().Within(root.Path).Select(o => o.Id).ToListAsync(ct));
        return (new StatsScope(ids.ToList(), roots.Select(r => r.Id).ToList(), fromDay, toDay), null);
    }

    /// <summary>The local calendar month of a UTC time, e.g. <c>2026-03</c>.</summary>
    public static string Month(DateTime utc) =>
        new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(CaseNumbers.LocalOffset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A local date (yyyy-MM-dd), or null when the text is not such a date.</summary>
    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Local midnight starting <paramref name="day"/>, in UTC (the first day of the calendar starts at its start).</summary>
    private static DateTime StartUtc(DateOnly day) => DateTime.SpecifyKind(
        day == DateOnly.MinValue ? DateTime.MinValue : day.ToDateTime(TimeOnly.MinValue) - CaseNumbers.LocalOffset, DateTimeKind.Utc);

    private static IResult BadParameter(string name, string value) =>
        Problem(StatusCodes.Status400BadRequest, $"Invalid query parameter '{name}'", $"{name} '{value}' is not a date like 2026-03-01", name);

    internal static IResult Problem(int status, string title, string detail, string? parameter = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });
}
