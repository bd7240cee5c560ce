using FormFlow.Engine.Expressions.Helpers;

namespace FormFlow.Engine.Forms.Formats;

/// <summary>
/// GB/T 2260 administrative division codes: six digits whose first two name a province-level division.
/// Only the shape and the province prefix are checked; the city and county lists change every year.
/// </summary>
internal static class RegionCode
{
    public static bool IsValid(string? value) =>
        value is { Length: 6 } && value.All(char.IsAsciiDigit) && ProvinceCodes.StartsWithKnown(value);
}
