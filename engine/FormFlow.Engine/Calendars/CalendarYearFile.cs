using System.Text.Json;

namespace FormFlow.Engine.Calendars;

/// <summary>One `cn-YEAR.json` file: named holiday ranges and swapped working weekend days.</summary>
public sealed record CalendarYearFile(
    string Region,
    int Year,
    string Status,
    string? Source,
    IReadOnlyList<HolidayRange> Holidays,
    IReadOnlyList<DateOnly> Workdays)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Parses a calendar file; a malformed file or a date outside its year names the file and the date.</summary>
    public static CalendarYearFile Parse(string json, string sourceName)
    {
        CalendarYearFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CalendarYearFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new CalendarException($"{sourceName}: malformed calendar file: {ex.Message}");
        }
        if (file is null || file.Holidays is null || file.Workdays is null)
            throw new CalendarException($"{sourceName}: a calendar file needs \"year\", \"holidays\" and \"workdays\"");
        foreach (var range in file.Holidays)
        {
            if (range.To < range.From)
                throw new CalendarException($"{sourceName}: holiday \"{range.Name}\" ends ({range.To:yyyy-MM-dd}) before it starts ({range.From:yyyy-MM-dd})");
            if (range.From.Year != file.Year || range.To.Year != file.Year)
                throw new CalendarException($"{sourceName}: holiday \"{range.Name}\" lies outside {file.Year}");
        }
        foreach (var day in file.Workdays)
        {
            if (day.Year != file.Year)
                throw new CalendarException($"{sourceName}: working day {day:yyyy-MM-dd} lies outside {file.Year}");
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw new CalendarException($"{sourceName}: swapped working day {day:yyyy-MM-dd} is a weekday; list only weekend days that are worked");
        }
        return file;
    }
}

public sealed record HolidayRange(string Name, DateOnly From, DateOnly To);

internal sealed class CalendarException(string message) : Exception(message);
