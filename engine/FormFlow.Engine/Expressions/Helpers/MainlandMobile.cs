namespace FormFlow.Engine.Expressions.Helpers;

/// <summary>Mainland mobile numbers: 11 ASCII digits, "1" then 3–9; no country code, spaces or dashes.</summary>
public static class MainlandMobile
{
    public static bool IsValid(string? number)
    {
        if (number is null || number.Length != 11 || number[0] != '1' || number[1] is < '3' or > '9') return false;
        foreach (var c in number)
            if (c is < '0' or > '9') return false;
        return true;
    }
}
