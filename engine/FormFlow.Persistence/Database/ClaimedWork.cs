using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Database;

/// <summary>
/// Stored work that background passes claim with a lease (outbox items, module cascades): pending until
/// <see cref="DoneAt"/>; held by <see cref="ClaimedBy"/> until <see cref="ClaimedUntil"/>; after a failure not tried
/// again before <see cref="NextAttemptAt"/>.
/// </summary>
public abstract class ClaimedWork
{
    public long Id { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Not tried before this time (set after a failure, or while nothing can handle it).</summary>
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    /// <summary>Given up after too many failed tries (<see cref="LastError"/> says why): no pass claims it again.</summary>
    public DateTime? FailedAt { get; set; }

    /// <summary>
    /// Counts a failed try, keeps its error, releases the claim and backs off: 1, 2, 4 ... minutes, at most an hour
    /// between tries. With <paramref name="maxAttempts"/>, the try that reaches it fails the work for good.
    /// </summary>
    public void Postpone(string error, DateTime now, int? maxAttempts = null)
    {
        Attempts++;
        LastError = error.Length <= 2000 ? error : error[..2000];
        NextAttemptAt = now.AddMinutes(Math.Min(60, Math.Pow(2, Math.Min(Attempts - 1, 6))));
        if (Attempts >= maxAttempts) FailedAt = now;
        (ClaimedBy, ClaimedUntil) = (null, null);
    }
}

internal static class ClaimedWorkMapping
{
    /// <summary>The columns every kind of claimed work has, and the index its passes look for due rows by.</summary>
    public static void MapClaims<T>(this EntityTypeBuilder<T> b) where T : ClaimedWork
    {
        b.Property(w => w.ClaimedBy).HasMaxLength(100);
        b.Property(w => w.LastError).HasMaxLength(2000);
        b.Property(w => w.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(w => w.NextAttemptAt).HasConversion(UtcDateTimes.Converter);
        b.Property(w => w.DoneAt).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(w => w.ClaimedUntil).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(w => w.FailedAt).HasConversion(UtcDateTimes.NullableConverter);
        b.HasIndex(w => new { w.DoneAt, w.NextAttemptAt });
    }
}
