namespace FormFlow.Engine.Expressions.Helpers;

/// <summary>
/// Mainland resident identity numbers (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence
/// (odd for men, even for women) and a check character from ISO 7064 MOD 11-2. Only the 18-character form is valid.
/// </summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    /// <summary>
    /// True for 17 digits plus a matching check character ('X' or 'x' for ten), a known province code and a real
    /// birth date from 1900 on. Whether the birth date lies in the future is not checked: that needs a clock.
    /// </summary>
    public static bool IsValid(string? id) => TryParse(id, out _, out _);

    public static bool TryParse(string? id, out DateOnly birthDate, out bool male)
    {
        birthDate = default;
        male = false;
        if (id is null || id.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var c = id[i];
            if (c is < '0' or > '9') return false;
            sum += (c - '0') * Weights[i];
        }
        var check = char.ToUpperInvariant(id[17]);
        if (check != CheckCharacters[sum % 11]) return false;
        if (!ProvinceCodes.StartsWithKnown(id)) return false;
        var year = Digits(id, 6, 4);
        var month = Digits(id, 10, 2);
        var day = Digits(id, 12, 2);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        birthDate = new DateOnly(year, month, day);
        if (birthDate < EarliestBirth) return false;
        male = (id[16] - '0') % 2 == 1;
        return true;
    }

    private static int Digits(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++) value = value * 10 + (text[i] - '0');
        return value;
    }
}
