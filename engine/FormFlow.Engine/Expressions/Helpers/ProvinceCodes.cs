namespace FormFlow.Engine.Expressions.Helpers;

/// <summary>
/// The first two digits of a GB/T 2260 division code: province-level divisions, plus 81/82 (Hong Kong, Macao
/// residents) and 83 (Taiwan residents) as they appear in resident ID and residence permit numbers.
/// </summary>
internal static class ProvinceCodes
{
    private static readonly HashSet<int> Known =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ];

    /// <summary>True when the two ASCII digits at the start of <paramref name="code"/> name a known division.</summary>
    public static bool StartsWithKnown(string code) =>
        code.Length >= 2 && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1])
        && Known.Contains((code[0] - '0') * 10 + (code[1] - '0'));
}
