using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FormFlow.Persistence.Database;

/// <summary>
/// Times are stored as UTC <see cref="DateTime"/>s (SQLite can compare and order those, not DateTimeOffset).
/// SQLite reads them back without a kind; this converter marks them UTC again so the API writes them with "Z".
/// </summary>
public static class UtcDateTimes
{
    public static readonly ValueConverter<DateTime, DateTime> Converter = new(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public static readonly ValueConverter<DateTime?, DateTime?> NullableConverter = new(
        v => v == null ? null : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? null : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
