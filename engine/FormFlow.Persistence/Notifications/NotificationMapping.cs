using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Notifications;

internal sealed class NotificationMapping : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.Channel).HasMaxLength(40);
        b.Property(n => n.Template).HasMaxLength(100);
        b.Property(n => n.EffectKey).HasMaxLength(260);
        b.Property(n => n.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(n => n.ReadAt).HasConversion(UtcDateTimes.NullableConverter);
        b.HasOne<Account>().WithMany().HasForeignKey(n => n.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.EffectKey, n.AccountId }).IsUnique();
        b.HasIndex(n => new { n.AccountId, n.CreatedAt });
    }
}
