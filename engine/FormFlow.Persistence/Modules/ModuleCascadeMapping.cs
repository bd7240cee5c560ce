using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Modules;

internal sealed class ModuleCascadeMapping : IEntityTypeConfiguration<ModuleCascade>
{
    public void Configure(EntityTypeBuilder<ModuleCascade> b)
    {
        b.ToTable("ModuleCascades");
        b.MapClaims();
        b.Property(c => c.RequestedBy).HasMaxLength(256);
        b.HasOne<ModuleRecord>().WithMany().HasForeignKey(c => c.ModuleRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ModuleVersion>().WithMany().HasForeignKey(c => c.ModuleVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
