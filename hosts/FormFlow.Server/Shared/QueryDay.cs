using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Shared;

/// <summary>A day in a query string (<c>?from=2026-11-01</c>), written yyyy-MM-dd; a bad one is a 400 naming the parameter.</summary>
internal static class QueryDay
{
    /// <summary>True with the day (null when blank), or false with the 400 in <paramref name="problem"/>.</summary>
    public static bool TryRead(string? text, string parameter, out DateOnly? day, ref ProblemHttpResult? problem)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is >= 2000 and <= 9998)
        {
            day = parsed;
            return true;
        }
        problem = IdPage.BadParameter(parameter, $"{parameter} must be a day written yyyy-MM-dd, not '{text}'");
        return false;
    }

    /// <summary>UTC instant a China (CST) calendar day begins.</summary>
    public static DateTime StartUtc(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Persistence.Members.Quotas.ChinaStandardTime).UtcDateTime;
}
