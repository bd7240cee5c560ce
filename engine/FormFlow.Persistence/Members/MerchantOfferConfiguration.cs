using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Members;

public sealed class MerchantOfferConfiguration : IEntityTypeConfiguration<MerchantOffer>
{
    public void Configure(EntityTypeBuilder<MerchantOffer> b)
    {
        b.ToTable("MerchantOffers");
        b.Property(o => o.BenefitId).HasMaxLength(64);
        b.HasIndex(o => new { o.MerchantAccountId, o.BenefitId }).IsUnique();
        b.HasOne(o => o.MerchantAccount).WithMany().HasForeignKey(o => o.MerchantAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
