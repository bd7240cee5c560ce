using FormFlow.Persistence.Reports;
using FormFlow.Persistence.Statistics;
using FormFlow.Server.Cases;

namespace FormFlow.Server.Reports;

/// <summary>A report's times in the union's local time (China Standard Time): its next due time and the period it counts on a given day.</summary>
internal static class ReportTimes
{
    /// <summary>The first due time strictly after <paramref name="after"/> (UTC), or null when the report is not scheduled.</summary>
    public static DateTime? NextDue(SavedReport report, DateTime after)
    {
        if (report.Schedule is null) return null;
        var local = new DateTimeOffset(DateTime.SpecifyKind(after, DateTimeKind.Utc)).ToOffset(CaseNumbers.LocalOffset);
        var today = DateOnly.FromDateTime(local.DateTime);
        for (var d = 0; d <= 62; d++)
        {
            var day = today.AddDays(d);
            var matches = report.Schedule == "weekly" ? ((int)day.DayOfWeek + 6) % 7 + 1 == report.ScheduleDay : day.Day == report.ScheduleDay;
            if (!matches) continue;
            var due = new DateTimeOffset(day.ToDateTime(new TimeOnly(report.ScheduleHour, 0)), CaseNumbers.LocalOffset).UtcDateTime;
            if (due > DateTime.SpecifyKind(after, DateTimeKind.Utc)) return due;
        }
        return null;
    }

    /// <summary>The local dates the report counts when it runs at <paramref name="now"/> (UTC), both inclusive.</summary>
    public static (DateOnly From, DateOnly To) Period(SavedReport report, DateTime now)
    {
        var today = FigurePeriods.LocalDay(now);
        switch (report.RelativePeriod)
        {
            case "lastWeek":
                var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);
                return (monday, monday.AddDays(6));
            case "lastMonth":
                var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
                return (first, first.AddMonths(1).AddDays(-1));
            case "yearToDate":
                return (new DateOnly(today.Year, 1, 1), today);
            default:
                return (report.From ?? FigurePeriods.First, report.To ?? FigurePeriods.Last);
        }
    }
}
