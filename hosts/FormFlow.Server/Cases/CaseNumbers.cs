using System.Globalization;

namespace FormFlow.Server.Cases;

/// <summary>Readable case numbers: <c>FF-2026-000123</c> — the year of submission in the union's local time (UTC+8) and the case ID.</summary>
internal static class CaseNumbers
{
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(8);

    public static string For(long id, DateTime createdUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"FF-{new DateTimeOffset(createdUtc, TimeSpan.Zero).ToOffset(LocalOffset).Year}-{id:D6}");
}
