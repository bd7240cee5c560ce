using System.Globalization;
using FormFlow.Persistence;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Reports;
using FormFlow.Persistence.Statistics;
using FormFlow.Server.Statistics;

namespace FormFlow.Server.Reports;

/// <summary>When a scheduled report is built and sent: weekly on an ISO weekday (1 Monday … 7 Sunday) or monthly on a day (1–28), at a local hour (0–23).</summary>
internal sealed record ReportSchedule(string Every, int Day, int Hour);

/// <summary>
/// A report as the Studio sends it: a name, measures of <see cref="FigureTotals.Names"/>, dimensions (<c>org</c>,
/// <c>module</c>, <c>month</c>) with the level of the org units listed, and filters: an org subtree (default: my highest
/// staff unit), a module, a period (local dates from/to, inclusive, or a <c>period</c> relative to the day it runs:
/// lastWeek, lastMonth, yearToDate); optionally a schedule.
/// </summary>
internal sealed record ReportDefinition(
    string? Name = null, List<string>? Measures = null, List<string>? Dimensions = null, string? OrgLevel = null, int? OrgUnitId = null, string? ModuleKey = null,
    string? From = null, string? To = null, string? Period = null, ReportSchedule? Schedule = null)
{
    public static readonly string[] DimensionNames = ["org", "module", "month"];
    public static readonly string[] RelativePeriods = ["lastWeek", "lastMonth", "yearToDate"];
    public static readonly string[] Schedules = ["weekly", "monthly"];

    /// <summary>Measures kept for no module (members, redemptions, points): neither broken down by module nor filtered by one.</summary>
    public static readonly string[] NotByModule = ["membersJoined", "membersActive", "redemptions", "points"];

    /// <summary>The longest period a breakdown by month covers.</summary>
    public const int MaxMonths = 60;

    /// <summary>
    /// Checks the definition and writes it into <paramref name="report"/>; the refusal (400 naming the field) when
    /// something is wrong, in which case the report is left as it was. The org is checked by the caller against the
    /// caller's scope; the module against the module library.
    /// </summary>
    public ReportRefusal? ApplyTo(SavedReport report, DateTime now)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) return Bad("name", "a report needs a name of 1 to 100 characters");
        if (Measures is not { Count: > 0 }) return Bad("measures", $"choose at least one measure of {string.Join(", ", FigureTotals.Names)}");
        for (var i = 0; i < Measures.Count; i++)
        {
            if (!FigureTotals.Names.Contains(Measures[i])) return Bad($"measures[{i}]", $"'{Measures[i]}' is not one of {string.Join(", ", FigureTotals.Names)}");
            if (Measures.IndexOf(Measures[i]) != i) return Bad($"measures[{i}]", $"'{Measures[i]}' is chosen twice");
        }
        var dimensions = Dimensions ?? [];
        for (var i = 0; i < dimensions.Count; i++)
        {
            if (!DimensionNames.Contains(dimensions[i])) return Bad($"dimensions[{i}]", $"'{dimensions[i]}' is not one of {string.Join(", ", DimensionNames)}");
            if (dimensions.IndexOf(dimensions[i]) != i) return Bad($"dimensions[{i}]", $"'{dimensions[i]}' is chosen twice");
        }
        var level = Persistence.Orgs.OrgLevel.Grassroots;
        if (!string.IsNullOrEmpty(OrgLevel) && (!Enum.TryParse(OrgLevel, true, out level) || !Enum.IsDefined(level) || OrgLevel.Any(char.IsDigit)))
            return Bad("orgLevel", $"'{OrgLevel}' is not one of {string.Join(", ", Enum.GetNames<OrgLevel>().Select(n => n.ToLowerInvariant()))}");
        var moduleKey = string.IsNullOrWhiteSpace(ModuleKey) ? null : ModuleKey.Trim();
        if (moduleKey is { Length: > 100 }) return Bad("moduleKey", "a module key has at most 100 characters");
        if ((moduleKey is not null || dimensions.Contains("module")) && Measures.FirstOrDefault(NotByModule.Contains) is { } unmoduled)
            return Bad("measures", $"'{unmoduled}' belongs to no module: it cannot be broken down or filtered by module");
        if (dimensions.Contains("month") && Measures.Contains("participants"))
            return Bad("measures", "'participants' keeps no time (a ballot is secret): it cannot be broken down by month");

        var period = string.IsNullOrEmpty(Period) ? null : Period;
        if (period is not null && !RelativePeriods.Contains(period)) return Bad("period", $"'{Period}' is not one of {string.Join(", ", RelativePeriods)}");
        if (period is not null && (!string.IsNullOrEmpty(From) || !string.IsNullOrEmpty(To)))
            return Bad("period", "give either a relative period or from/to, not both");
        DateOnly? from = null, to = null;
        if (!string.IsNullOrEmpty(From))
        {
            if (Day(From) is not { } f) return Bad("from", $"'{From}' is not a date from 2000-01-01 to 2099-12-31 like 2026-03-01");
            from = f;
        }
        if (!string.IsNullOrEmpty(To))
        {
            if (Day(To) is not { } t) return Bad("to", $"'{To}' is not a date from 2000-01-01 to 2099-12-31 like 2026-03-01");
            to = t;
        }
        if (from > to) return Bad("from", $"from ({From}) is after to ({To})");
        if (dimensions.Contains("month") && period is null)
        {
            if (from is null || to is null) return Bad(from is null ? "from" : "to", "a breakdown by month needs a period: from and to, or a relative period");
            if ((to.Value.Year - from.Value.Year) * 12 + to.Value.Month - from.Value.Month >= MaxMonths)
                return Bad("to", $"a breakdown by month covers at most {MaxMonths} months");
        }
        if (Schedule is { } s)
        {
            if (!Schedules.Contains(s.Every)) return Bad("schedule.every", $"'{s.Every}' is not one of {string.Join(", ", Schedules)}");
            if (s.Every == "weekly" && s.Day is < 1 or > 7) return Bad("schedule.day", $"a weekly report runs on a weekday from 1 (Monday) to 7 (Sunday), not {s.Day}");
            if (s.Every == "monthly" && s.Day is < 1 or > 28) return Bad("schedule.day", $"a monthly report runs on a day from 1 to 28, not {s.Day}");
            if (s.Hour is < 0 or > 23) return Bad("schedule.hour", $"the hour is a local hour from 0 to 23, not {s.Hour}");
        }

        report.Name = name;
        report.Measures = string.Join(',', Measures);
        report.Dimensions = string.Join(',', dimensions);
        report.OrgLevel = level;
        report.OrgUnitId = OrgUnitId;
        report.ModuleKey = moduleKey;
        report.RelativePeriod = period;
        report.From = from;
        report.To = to;
        report.Schedule = Schedule?.Every;
        report.ScheduleDay = Schedule?.Day ?? 0;
        report.ScheduleHour = Schedule?.Hour ?? 0;
        report.NextDueAt = ReportTimes.NextDue(report, now);
        report.UpdatedAt = now;
        return null;
    }

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day >= FigurePeriods.First && day <= FigurePeriods.Last
            ? day : null;

    private static ReportRefusal Bad(string field, string detail) => new(StatusCodes.Status400BadRequest, $"Invalid report field '{field}'", detail, field);
}

/// <summary>Why a report cannot be saved or run: its status, and the request field at fault.</summary>
internal sealed record ReportRefusal(int Status, string Title, string Detail, string? Field = null)
{
    public IResult ToResult() => TypedResults.Problem(statusCode: Status, title: Title, detail: Detail,
        extensions: Field is null ? null : new Dictionary<string, object?> { ["field"] = Field });
}

/// <summary>A saved report as the API shows it.</summary>
internal sealed record SavedReportView(
    long Id, string Name, List<string> Measures, List<string> Dimensions, string OrgLevel, int? OrgUnitId, string? ModuleKey,
    string? From, string? To, string? Period, ReportSchedule? Schedule, DateTime? NextDueAt, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static SavedReportView Of(SavedReport r) => new(
        r.Id, r.Name, [.. r.Measures.Split(',', StringSplitOptions.RemoveEmptyEntries)], [.. r.Dimensions.Split(',', StringSplitOptions.RemoveEmptyEntries)],
        r.OrgLevel.ToString().ToLowerInvariant(), r.OrgUnitId, r.ModuleKey, r.From is { } f ? FigureReader.Text(f) : null, r.To is { } t ? FigureReader.Text(t) : null,
        r.RelativePeriod, r.Schedule is { } s ? new ReportSchedule(s, r.ScheduleDay, r.ScheduleHour) : null,
        r.NextDueAt is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null, DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(r.UpdatedAt, DateTimeKind.Utc));
}
