using FormFlow.Persistence.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Files;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Property(f => f.Id).HasMaxLength(32);
        // No limit: the name is stored sealed (hosts/FormFlow.Server/Privacy/FileNameSealing), several times its length.
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.HasOne<Account>().WithMany().HasForeignKey(f => f.OwnerAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => f.OwnerAccountId);
    }
}
