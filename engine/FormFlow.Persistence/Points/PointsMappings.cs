using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Points;

public sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> b)
    {
        b.ToTable("PointsEntries");
        b.Property(e => e.Kind).HasMaxLength(PointsLedger.MaxKindLength);
        b.Property(e => e.Reason).HasMaxLength(PointsLedger.MaxReasonLength);
        b.Property(e => e.AwardedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(e => e.IdempotencyKey).HasMaxLength(200);
        b.HasIndex(e => e.IdempotencyKey).IsUnique();
        // The ledger page reads one account's lines newest first.
        b.HasIndex(e => new { e.AccountId, e.Id });
        b.HasOne(e => e.Account).WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PointsDayConfiguration : IEntityTypeConfiguration<PointsDay>
{
    public void Configure(EntityTypeBuilder<PointsDay> b)
    {
        b.ToTable("PointsDays");
        b.HasKey(d => new { d.AccountId, d.Kind, d.Day });
        b.Property(d => d.Kind).HasMaxLength(PointsLedger.MaxKindLength);
        b.Property(d => d.Day).HasMaxLength(10);
    }
}
