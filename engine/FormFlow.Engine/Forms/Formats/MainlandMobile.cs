namespace FormFlow.Engine.Forms.Formats;

/// <summary>Mainland mobile numbers: 11 digits starting 13-19, without country code or separators.</summary>
public static class MainlandMobile
{
    public static bool IsValid(string? value) =>
        value is { Length: 11 } && value[0] == '1' && value[1] is >= '3' and <= '9' && value.All(char.IsAsciiDigit);
}
