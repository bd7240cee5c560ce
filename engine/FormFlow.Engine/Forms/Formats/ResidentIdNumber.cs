using System.Globalization;

namespace FormFlow.Engine.Forms.Formats;

/// <summary>
/// Mainland resident identity card numbers (GB 11643-1999): 6-digit region code with a valid province prefix,
/// 8-digit birth date, 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character (0-9 or X).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i])) return false;
            sum += (value[i] - '0') * Weights[i];
        }
        return char.ToUpperInvariant(value[17]) == CheckCharacters[sum % 11]
            && RegionCode.IsValid(value[..6])
            && BirthDate(value) is not null;
    }

    /// <summary>The birth date encoded in positions 7-14, or null when it is not a real date.</summary>
    public static DateOnly? BirthDate(string value) =>
        value.Length == 18 && DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var date) ? date : null;
}
