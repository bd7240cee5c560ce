using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Modules;

internal sealed class ModuleRecordMapping : IEntityTypeConfiguration<ModuleRecord>
{
    public void Configure(EntityTypeBuilder<ModuleRecord> b)
    {
        b.ToTable("Modules");
        b.Property(m => m.Key).HasMaxLength(100);
        b.Property(m => m.Name).HasMaxLength(1000);
        b.Property(m => m.Category).HasMaxLength(64);
        b.Property(m => m.Kind).HasMaxLength(16);
        b.Property(m => m.DraftUpdatedBy).HasMaxLength(256);
        b.Property(m => m.DraftUpdatedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(m => m.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(m => m.ArchivedAt).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(m => m.ArchivedBy).HasMaxLength(256);
        b.Property(m => m.DraftRevision).IsConcurrencyToken();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(m => m.OwnerOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ModuleRecord>().WithMany().HasForeignKey(m => m.ParentModuleId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Versions).WithOne().HasForeignKey(v => v.ModuleRecordId).OnDelete(DeleteBehavior.Restrict);
        // One module of a key per org unit: a district derives join once.
        b.HasIndex(m => new { m.OwnerOrgUnitId, m.Key }).IsUnique();
    }
}

internal sealed class ModuleVersionMapping : IEntityTypeConfiguration<ModuleVersion>
{
    public void Configure(EntityTypeBuilder<ModuleVersion> b)
    {
        b.ToTable("ModuleVersions");
        b.Property(v => v.Version).HasMaxLength(40);
        b.Property(v => v.SnapshotHash).HasMaxLength(80);
        b.Property(v => v.PublishedBy).HasMaxLength(256);
        b.Property(v => v.PublishedAt).HasConversion(UtcDateTimes.Converter);
        b.HasOne<ModuleSnapshot>().WithMany().HasForeignKey(v => v.SnapshotHash).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ModuleVersion>().WithMany().HasForeignKey(v => v.ParentVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.ModuleRecordId, v.Version }).IsUnique();
    }
}

internal sealed class ModuleUpgradeMapping : IEntityTypeConfiguration<ModuleUpgrade>
{
    public void Configure(EntityTypeBuilder<ModuleUpgrade> b)
    {
        b.ToTable("ModuleUpgrades");
        b.Property(u => u.StartedBy).HasMaxLength(256);
        b.Property(u => u.StartedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(u => u.FinishedAt).HasConversion(UtcDateTimes.NullableConverter);
        b.HasOne<ModuleRecord>().WithMany().HasForeignKey(u => u.ModuleRecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ModuleVersion>().WithMany().HasForeignKey(u => u.FromParentVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ModuleVersion>().WithMany().HasForeignKey(u => u.ToParentVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.ModuleRecordId);
    }
}
