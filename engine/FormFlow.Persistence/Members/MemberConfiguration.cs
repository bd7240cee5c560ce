using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Members;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.ToTable("Members");
        b.Property(m => m.MemberNumber).HasMaxLength(32);
        b.Property(m => m.Since).HasConversion(UtcDateTimes.Converter);
        b.HasIndex(m => m.MemberNumber).IsUnique();
        b.HasIndex(m => m.AccountId).IsUnique();
        b.Property(m => m.PersonName).HasMaxLength(1000);
        b.Property(m => m.ResidentId).HasMaxLength(1000);
        b.Property(m => m.Mobile).HasMaxLength(20);
        b.HasIndex(m => m.Mobile);
        b.Property(m => m.IdempotencyKey).HasMaxLength(200);
        b.HasIndex(m => m.IdempotencyKey).IsUnique();
        b.Property(m => m.Status).HasMaxLength(20).HasConversion(
            status => status.ToString().ToLowerInvariant(),
            text => Enum.Parse<MemberStatus>(text, true));
        b.HasIndex(m => new { m.OrgUnitId, m.Since });
        b.HasOne(m => m.Account).WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.OrgUnit).WithMany().HasForeignKey(m => m.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
