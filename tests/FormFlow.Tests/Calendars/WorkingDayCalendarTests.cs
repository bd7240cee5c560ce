using FormFlow.Engine.Calendars;

namespace FormFlow.Tests.Calendars;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Cn = WorkingDayCalendar.ChinaMainland;

    [Fact]
    public void Ships_2025_to_2027()
    {
        Assert.Equal([2025, 2026, 2027], Cn.CoveredYears.Order());
    }

    [Theory]
    [InlineData("2026-02-16", false)] // Spring Festival, a Monday
    [InlineData("2026-02-14", true)]  // Saturday worked for the Spring Festival
    [InlineData("2026-02-28", true)]  // Saturday worked after it
    [InlineData("2026-02-21", false)] // Saturday inside the holiday
    [InlineData("2025-10-08", false)] // National Day + Mid-Autumn 2025, a Wednesday
    [InlineData("2025-09-28", true)]  // the Sunday worked before it
    [InlineData("2026-03-02", true)]  // ordinary Monday
    [InlineData("2026-03-07", false)] // ordinary Saturday
    public void Knows_holidays_and_swapped_days(string date, bool working)
    {
        Assert.Equal(working, Cn.IsWorkingDay(DateOnly.Parse(date)));
    }

    [Fact]
    public void Fifteen_working_days_across_the_2026_Spring_Festival()
    {
        // Friday 13 Feb: Sat 14 is worked (1), 15–23 off, 24–27 (2–5), Sat 28 worked (6), 2–6 Mar (7–11), 9–12 Mar (12–15).
        Assert.Equal(new DateOnly(2026, 3, 12), Cn.AddWorkingDays(new DateOnly(2026, 2, 13), 15));
        // The same on a weekdays-only calendar lands two weeks earlier than the holiday-aware one would allow.
        Assert.Equal(new DateOnly(2026, 3, 6), WorkingDayCalendar.WeekdaysOnly.AddWorkingDays(new DateOnly(2026, 2, 13), 15));
    }

    [Fact]
    public void A_request_made_during_a_holiday_counts_from_the_first_working_day()
    {
        Assert.Equal(new DateOnly(2026, 2, 24), Cn.AddWorkingDays(new DateOnly(2026, 2, 18), 1));
    }

    [Fact]
    public void Between_is_the_inverse_of_add()
    {
        var start = new DateOnly(2025, 9, 26);
        for (var n = 0; n <= 40; n++)
            Assert.Equal(n, Cn.WorkingDaysBetween(start, Cn.AddWorkingDays(start, n)));
        Assert.Equal(-5, Cn.WorkingDaysBetween(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void A_malformed_file_names_the_file_and_the_problem()
    {
        var ex = Assert.Throws<CalendarException>(() => CalendarYearFile.Parse(
            """{"region":"CN","year":2026,"status":"official","holidays":[{"name":"春节","from":"2026-02-23","to":"2026-02-15"}],"workdays":[]}""",
            "cn-2026.json"));
        Assert.Contains("cn-2026.json", ex.Message);
        Assert.Contains("春节", ex.Message);

        var weekday = Assert.Throws<CalendarException>(() => CalendarYearFile.Parse(
            """{"region":"CN","year":2026,"status":"official","holidays":[],"workdays":["2026-03-03"]}""", "x.json"));
        Assert.Contains("2026-03-03", weekday.Message);
    }

    [Fact]
    public void Loads_a_folder_of_replacement_files()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "cn-2030.json"),
                """{"region":"CN","year":2030,"status":"official","holidays":[{"name":"元旦","from":"2030-01-01","to":"2030-01-01"}],"workdays":[]}""");
            var calendar = WorkingDayCalendar.LoadFolder(dir.FullName);
            Assert.False(calendar.IsWorkingDay(new DateOnly(2030, 1, 1)));
            Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 1, 2)));
        }
        finally { dir.Delete(true); }
    }
}
