namespace FormFlow.Engine.Forms.Formats;

/// <summary>
/// GB/T 2260 administrative division codes: six digits whose first two name a province-level division.
/// Only the shape and the province prefix are checked; the city and county lists change every year.
/// </summary>
public static class RegionCode
{
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
        "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83",
    ];

    public static bool IsValid(string? value) =>
        value is { Length: 6 } && value.All(char.IsAsciiDigit) && Provinces.Contains(value[..2]);
}
