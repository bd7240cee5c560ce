using FormFlow.Persistence.Database;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Services;

internal sealed class ServiceActivationMapping : IEntityTypeConfiguration<ServiceActivation>
{
    public void Configure(EntityTypeBuilder<ServiceActivation> b)
    {
        b.ToTable("ServiceActivations");
        b.Property(s => s.ModuleKey).HasMaxLength(100);
        b.Property(s => s.SnapshotHash).HasMaxLength(80);
        b.Property(s => s.ActivatedBy).HasMaxLength(256);
        b.Property(s => s.ActivatedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(s => s.RetiredAt).HasConversion(UtcDateTimes.NullableConverter);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ModuleSnapshot>().WithMany().HasForeignKey(s => s.SnapshotHash).OnDelete(DeleteBehavior.Restrict);
        // One live activation of a module per org unit (the same filter text works on SQLite and PostgreSQL).
        b.HasIndex(s => new { s.OrgUnitId, s.ModuleKey }).IsUnique().HasFilter("\"RetiredAt\" IS NULL");
    }
}
