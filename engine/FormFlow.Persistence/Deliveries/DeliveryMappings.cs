using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Deliveries;

internal sealed class DeliveryMapping : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> b)
    {
        b.ToTable("Deliveries");
        b.MapClaims();
        b.Property(d => d.Channel).HasMaxLength(20);
        b.Property(d => d.Template).HasMaxLength(100);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Via).HasMaxLength(20);
        b.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.OrgUnitId, d.Id });
    }
}

internal sealed class ChannelMuteMapping : IEntityTypeConfiguration<ChannelMute>
{
    public void Configure(EntityTypeBuilder<ChannelMute> b)
    {
        b.ToTable("ChannelMutes");
        b.HasKey(m => new { m.AccountId, m.Channel });
        b.Property(m => m.Channel).HasMaxLength(20);
        b.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
