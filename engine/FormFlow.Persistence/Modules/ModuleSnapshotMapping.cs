using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Modules;

internal sealed class ModuleSnapshotMapping : IEntityTypeConfiguration<ModuleSnapshot>
{
    public void Configure(EntityTypeBuilder<ModuleSnapshot> b)
    {
        b.ToTable("ModuleSnapshots");
        b.HasKey(s => s.Hash);
        b.Property(s => s.Hash).HasMaxLength(80);
        b.Property(s => s.ModuleKey).HasMaxLength(100);
        b.Property(s => s.Version).HasMaxLength(40);
        b.Property(s => s.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.OwnerOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.ModuleKey, s.Version });
    }
}
