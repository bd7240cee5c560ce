using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Members;

public sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> b)
    {
        b.ToTable("Merchants");
        b.Property(m => m.Code).HasMaxLength(64);
        b.HasIndex(m => m.Code).IsUnique();
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.Category).HasMaxLength(50);
        b.Property(m => m.Address).HasMaxLength(300);
        b.Property(m => m.Discount).HasMaxLength(500);
        b.Property(m => m.ContactName).HasMaxLength(100);
        b.Property(m => m.ContactPhone).HasMaxLength(32);
        b.Property(m => m.ActiveFrom).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(m => m.ActiveUntil).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(m => m.DeactivatedAt).HasConversion(UtcDateTimes.NullableConverter);
        b.HasIndex(m => new { m.Category, m.Name });
        b.HasIndex(m => m.DistrictOrgUnitId);
        b.HasOne(m => m.District).WithMany().HasForeignKey(m => m.DistrictOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Benefits).WithOne().HasForeignKey(x => x.MerchantId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Accounts).WithOne(a => a.Merchant).HasForeignKey(a => a.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MerchantBenefitConfiguration : IEntityTypeConfiguration<MerchantBenefit>
{
    public void Configure(EntityTypeBuilder<MerchantBenefit> b)
    {
        b.ToTable("MerchantBenefits");
        b.Property(x => x.BenefitId).HasMaxLength(64);
        b.HasIndex(x => new { x.MerchantId, x.BenefitId }).IsUnique();
    }
}

public sealed class MerchantAccountConfiguration : IEntityTypeConfiguration<MerchantAccount>
{
    public void Configure(EntityTypeBuilder<MerchantAccount> b)
    {
        b.ToTable("MerchantAccounts");
        b.HasKey(a => a.AccountId);
        b.HasIndex(a => a.MerchantId);
        b.HasOne(a => a.Account).WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
