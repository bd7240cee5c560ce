using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Members;

public sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> b)
    {
        b.ToTable("Redemptions");
        b.Property(r => r.Period).HasMaxLength(20);
        b.Property(r => r.At).HasConversion(UtcDateTimes.Converter);
        b.Property(r => r.Note).HasMaxLength(500);
        b.Property(r => r.IdempotencyKey).HasMaxLength(200);
        b.HasIndex(r => r.IdempotencyKey).IsUnique();
        b.HasIndex(r => new { r.EntitlementId, r.At });
        b.HasOne(r => r.Entitlement).WithMany().HasForeignKey(r => r.EntitlementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.MerchantAccount).WithMany().HasForeignKey(r => r.MerchantAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
