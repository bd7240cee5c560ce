using System.Security.Cryptography;

namespace FormFlow.Persistence.Members;

/// <summary>
/// Member numbers: the year of joining, seven random digits and a Luhn check digit, e.g. <c>2026 4815 1623 3</c>
/// written without spaces. Random rather than sequential, so numbers reveal nothing about how many members an org
/// has; the unique index turns the rare collision into a retried step.
/// </summary>
public static class MemberNumbers
{
    public static string New(int year) => Of(year, RandomNumberGenerator.GetInt32(0, 10_000_000));

    /// <summary>The number of a given year and seven-digit serial (0–9,999,999), with its check digit.</summary>
    public static string Of(int year, int serial)
    {
        var body = year.ToString("D4") + serial.ToString("D7");
        return body + CheckDigit(body);
    }

    /// <summary>True for twelve digits whose last is the Luhn check digit of the others.</summary>
    public static bool IsWellFormed(string? number) =>
        number is { Length: 12 } && number.All(char.IsAsciiDigit) && CheckDigit(number[..^1]) == number[^1];

    private static char CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
