using System.Text.RegularExpressions;

namespace FormFlow.Engine.Expressions.Helpers;

/// <summary>
/// A practical e-mail check, simple enough to reproduce exactly in the browser: ASCII local part of letters, digits
/// and . _ % + -, an "@", dot-separated labels of letters, digits and -, and a final label of two or more letters.
/// </summary>
internal static partial class EmailAddress
{
    public const int MaxLength = 254;

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? address) => address is not null && address.Length <= MaxLength && Pattern().IsMatch(address);
}
