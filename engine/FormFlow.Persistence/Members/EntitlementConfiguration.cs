using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Members;

public sealed class EntitlementConfiguration : IEntityTypeConfiguration<Entitlement>
{
    public void Configure(EntityTypeBuilder<Entitlement> b)
    {
        b.ToTable("Entitlements");
        b.Property(e => e.BenefitId).HasMaxLength(64);
        b.Property(e => e.GrantedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Period).HasMaxLength(20).HasConversion(
            period => period.ToString().ToLowerInvariant(),
            text => Enum.Parse<QuotaPeriod>(text, true));
        b.Property(e => e.CurrentPeriod).HasMaxLength(20);
        b.Property(e => e.IdempotencyKey).HasMaxLength(200);
        b.HasIndex(e => e.IdempotencyKey).IsUnique();
        b.HasIndex(e => new { e.MemberId, e.BenefitId }).IsUnique();
        b.HasOne(e => e.Member).WithMany(m => m.Entitlements).HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
