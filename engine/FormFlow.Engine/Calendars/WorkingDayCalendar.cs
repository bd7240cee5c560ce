using System.Reflection;

namespace FormFlow.Engine.Calendars;

/// <summary>
/// Which days are working days: Monday–Friday, minus public holidays, plus swapped working weekend days.
/// Deadlines count working days after the start day: the start day itself never counts, so a request made on
/// a holiday and one made the working day before it share a deadline.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _workdays = [];
    private readonly HashSet<int> _years = [];

    /// <summary>Mon–Fri only: for tests and regions without a calendar.</summary>
    public static WorkingDayCalendar WeekdaysOnly { get; } = new([]);

    private static readonly Lazy<WorkingDayCalendar> Mainland = new(LoadEmbedded);

    /// <summary>The mainland China calendar shipped in module-templates/calendars (2025–2027).</summary>
    public static WorkingDayCalendar ChinaMainland => Mainland.Value;

    public WorkingDayCalendar(IEnumerable<CalendarYearFile> years)
    {
        foreach (var year in years)
        {
            if (!_years.Add(year.Year)) throw new CalendarException($"calendar year {year.Year} is given twice");
            foreach (var range in year.Holidays)
                for (var d = range.From; d <= range.To; d = d.AddDays(1)) _holidays.Add(d);
            foreach (var d in year.Workdays) _workdays.Add(d);
        }
    }

    /// <summary>Years with a published (or provisional) arrangement; other years count Monday–Friday.</summary>
    public IReadOnlyCollection<int> CoveredYears => _years;

    public static WorkingDayCalendar LoadFolder(string folder) =>
        new(Directory.EnumerateFiles(folder, "*.json").Order()
            .Select(path => CalendarYearFile.Parse(File.ReadAllText(path), Path.GetFileName(path))));

    private static WorkingDayCalendar LoadEmbedded()
    {
        var assembly = typeof(WorkingDayCalendar).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("calendars/", StringComparison.Ordinal))
            .Order()
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return CalendarYearFile.Parse(reader.ReadToEnd(), name);
            });
        return new WorkingDayCalendar(files);
    }

    public bool IsWorkingDay(DateOnly day)
    {
        if (_workdays.Contains(day)) return true;
        if (_holidays.Contains(day)) return false;
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The day on which <paramref name="days"/> working days after <paramref name="start"/> have passed.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        if (days < 0) throw new ArgumentOutOfRangeException(nameof(days), days, "working days to add must not be negative");
        // A definition asking for ten years of working days is a mistake, not a deadline.
        if (days > 3650) throw new ArgumentOutOfRangeException(nameof(days), days, "working days to add must be at most 3650");
        var day = start;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) days--;
        }
        return day;
    }

    /// <summary>Working days in (from, to]; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        if (to.DayNumber - from.DayNumber > 36500) throw new ArgumentOutOfRangeException(nameof(to), "dates more than 100 years apart");
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }
}
