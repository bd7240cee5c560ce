using System.Globalization;

namespace FormFlow.Engine.Expressions;

/// <summary>Dates in expressions are "yyyy-MM-dd" strings; a datetime "yyyy-MM-ddTHH:mm..." counts by its date part as written.</summary>
internal static class DateText
{
    public const string Format = "yyyy-MM-dd";

    public static bool TryParse(string text, out DateOnly date)
    {
        var datePart = text.Length > 10 && text[10] is 'T' or ' ' ? text[..10] : text;
        return DateOnly.TryParseExact(datePart, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static string Write(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);
}
