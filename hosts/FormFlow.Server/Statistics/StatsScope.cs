using System.Globalization;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Cases;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Statistics;

/// <summary>
/// What a statistics request counts: the org units (the caller's staff subtrees, or one org inside them) and the
/// period in the union's local dates, <c>from</c> and <c>to</c> both inclusive. Parameters are read as text so a
/// bad value answers 400 naming the parameter instead of a binding failure.
/// </summary>
internal sealed record StatsScope(List<int> OrgIds, DateTime FromUtc, DateTime ToUtc)
{
    private static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The scope, or the refusal: 401/403 for who asks, 400 for a bad parameter, 404 for an org outside my subtrees.</summary>
    public static async Task<(StatsScope? Scope, IResult? Refusal)> ResolveAsync(
        FormFlowDbContext db, HttpContext http, string? orgUnitId, string? from, string? to, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return (null, CurrentAccount.Gone());
        var staff = account.Roles.Where(r => Roles.ReachesSubtree(r.Role)).Select(r => r.OrgUnit!).ToList();
        if (staff.Count == 0)
            return (null, Problem(StatusCodes.Status403Forbidden, "Forbidden", "statistics are for union staff; workers and merchants have none"));

        var fromUtc = Earliest;
        var toUtc = Latest;
        if (!string.IsNullOrEmpty(from))
        {
            if (ParseDate(from) is not { } f) return (null, BadParameter("from", from));
            fromUtc = f;
        }
        if (!string.IsNullOrEmpty(to))
        {
            if (ParseDate(to) is not { } t) return (null, BadParameter("to", to));
            toUtc = t.AddDays(1);
        }
        if (fromUtc >= toUtc)
            return (null, Problem(StatusCodes.Status400BadRequest, "Invalid query parameter 'from'", $"from ({from}) is after to ({to})", "from"));

        List<string> roots;
        if (string.IsNullOrEmpty(orgUnitId))
        {
            roots = staff.Select(o => o.Path).ToList();
        }
        else
        {
            if (!int.TryParse(orgUnitId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return (null, Problem(StatusCodes.Status400BadRequest, "Invalid query parameter 'orgUnitId'", $"orgUnitId '{orgUnitId}' is not an org unit ID (a whole number)", "orgUnitId"));
            var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
            // Unknown and outside my subtrees answer alike, so another district's IDs leak nothing.
            if (org is null || !staff.Any(s => OrgSubtree.Contains(s.Path, org.Path)))
                return (null, Problem(StatusCodes.Status404NotFound, "Org unit not found", $"org unit {id} does not exist or is not in your subtree", "orgUnitId"));
            roots = [org.Path];
        }
        var ids = new HashSet<int>();
        foreach (var root in roots)
            ids.UnionWith(await db.OrgUnits.AsNoTracking().Within(root).Select(o => o.Id).ToListAsync(ct));
        return (new StatsScope(ids.ToList(), fromUtc, toUtc), null);
    }

    /// <summary>The local calendar month of a UTC time, e.g. <c>2026-03</c>.</summary>
    public static string Month(DateTime utc) =>
        new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(CaseNumbers.LocalOffset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Start of a local date (yyyy-MM-dd) in UTC, or null when the text is not such a date.</summary>
    private static DateTime? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), CaseNumbers.LocalOffset).UtcDateTime
            : null;

    private static IResult BadParameter(string name, string value) =>
        Problem(StatusCodes.Status400BadRequest, $"Invalid query parameter '{name}'", $"{name} '{value}' is not a date like 2026-03-01", name);

    internal static IResult Problem(int status, string title, string detail, string? parameter = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });
}
