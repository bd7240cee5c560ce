using System.Globalization;
using FormFlow.Persistence.Orgs;

namespace FormFlow.Server.Statistics;

/// <summary>
/// The optional parameters of the figures views, read as text so a bad value answers 400 naming it: the level of
/// units to rank, the measure to sort by and its order, a page, the trend's grain, the other period of a comparison,
/// the least tasks with a deadline a unit needs to show in the heat table.
/// </summary>
internal sealed record FigureQuery(OrgLevel Level, string Sort, bool Descending, int Limit, int Offset, string Grain, DateOnly? OtherFrom, DateOnly? OtherTo, int MinTasks)
{
    public static (FigureQuery? Query, IResult? Refusal) Parse(
        string? level, string? sort, string? order, string? limit, string? offset, string? grain, string? otherFrom, string? otherTo, string? minTasks, int defaultLimit)
    {
        var orgLevel = OrgLevel.Grassroots;
        if (!string.IsNullOrEmpty(level) && (!Enum.TryParse(level, true, out orgLevel) || !Enum.IsDefined(orgLevel) || level.Any(char.IsDigit)))
            return Bad("level", $"level '{level}' is not one of {string.Join(", ", Enum.GetNames<OrgLevel>().Select(n => n.ToLowerInvariant()))}");
        var sortBy = string.IsNullOrEmpty(sort) ? "received" : sort;
        if (!FigureTotals.Names.Contains(sortBy)) return Bad("sort", $"sort '{sort}' is not one of {string.Join(", ", FigureTotals.Names)}");
        if (order is not (null or "" or "asc" or "desc")) return Bad("order", $"order '{order}' is not asc or desc");
        if (Whole(limit, defaultLimit, 1, 500) is not { } pageSize) return Bad("limit", $"limit '{limit}' is not a whole number from 1 to 500");
        if (Whole(offset, 0, 0, 1_000_000) is not { } skip) return Bad("offset", $"offset '{offset}' is not a whole number from 0 to 1000000");
        if (grain is not (null or "" or "week" or "month")) return Bad("grain", $"grain '{grain}' is not week or month");
        if (Whole(minTasks, 1, 0, 1_000_000) is not { } least) return Bad("minTasks", $"minTasks '{minTasks}' is not a whole number from 0 to 1000000");
        DateOnly? fromDay = null, toDay = null;
        if (!string.IsNullOrEmpty(otherFrom) || !string.IsNullOrEmpty(otherTo))
        {
            var (f, t, refusal) = FigureScope.ParseDates(otherFrom, otherTo, "otherFrom", "otherTo");
            if (refusal is not null) return (null, refusal);
            (fromDay, toDay) = (f, t);
        }
        return (new FigureQuery(orgLevel, sortBy, order != "asc", pageSize, skip, string.IsNullOrEmpty(grain) ? "month" : grain, fromDay, toDay, least), null);
    }

    private static int? Whole(string? text, int fallback, int min, int max) =>
        string.IsNullOrEmpty(text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;

    private static (FigureQuery?, IResult?) Bad(string name, string detail) =>
        (null, StatsScope.Problem(StatusCodes.Status400BadRequest, $"Invalid query parameter '{name}'", detail, name));
}
