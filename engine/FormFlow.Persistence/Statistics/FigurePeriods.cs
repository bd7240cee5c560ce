namespace FormFlow.Persistence.Statistics;

/// <summary>
/// The periods of a <see cref="Figure"/>, as one integer that sorts and ranges within a grain: a local day is
/// <c>20261206</c>, a month <c>202612</c>, a year <c>2026</c>; <see cref="AllTime"/> (0) holds measures that carry no
/// time (survey turnout: a secret ballot's participation row stores none, by design). Local means China Standard Time.
/// </summary>
public static class FigurePeriods
{
    public const int AllTime = 0;
    public static readonly DateOnly First = new(2000, 1, 1);
    public static readonly DateOnly Last = new(2099, 12, 31);

    public static DateOnly LocalDay(DateTime utc) =>
        DateOnly.FromDateTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Members.Quotas.ChinaStandardTime).DateTime);

    public static int Day(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;
    public static int Month(DateOnly d) => d.Year * 100 + d.Month;
    public static int Year(DateOnly d) => d.Year;

    /// <summary>The three rows a change on <paramref name="day"/> adds to: its day, month and year.</summary>
    public static int[] Grains(DateOnly day) => [Day(day), Month(day), Year(day)];

    /// <summary>
    /// The fewest periods that together cover the local dates <paramref name="from"/> to <paramref name="to"/>, both
    /// inclusive: whole years, then whole months, then days. A year is at most ~60 day rows, 11 month rows and 1 year row.
    /// </summary>
    public static List<int> Cover(DateOnly from, DateOnly to)
    {
        var periods = new List<int>();
        for (var d = from; d <= to;)
        {
            if (d.Day == 1 && d.Month == 1 && d.AddYears(1).AddDays(-1) <= to) { periods.Add(Year(d)); d = d.AddYears(1); }
            else if (d.Day == 1 && d.AddMonths(1).AddDays(-1) <= to) { periods.Add(Month(d)); d = d.AddMonths(1); }
            else { periods.Add(Day(d)); d = d.AddDays(1); }
        }
        return periods;
    }

    /// <summary>The day of a day period (20261206 → 2026-12-06).</summary>
    public static DateOnly DayOf(int period) => new(period / 10000, period / 100 % 100, period % 100);
}
