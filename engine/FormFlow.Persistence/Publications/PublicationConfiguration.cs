using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Publications;

public sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.ToTable("Publications");
        b.Property(p => p.Kind).HasMaxLength(20);
        b.Property(p => p.Title).HasMaxLength(PublicationLimits.Title);
        b.Property(p => p.Summary).HasMaxLength(PublicationLimits.Summary);
        b.Property(p => p.CoverFileId).HasMaxLength(32);
        b.Property(p => p.Phone).HasMaxLength(40);
        b.Property(p => p.Status).HasMaxLength(20);
        b.Property(p => p.SourceModuleKey).HasMaxLength(100);
        b.Property(p => p.IdempotencyKey).HasMaxLength(200);
        b.HasIndex(p => p.IdempotencyKey).IsUnique();
        b.Property(p => p.PublishAt).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(p => p.ExpiresAt).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(p => p.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(p => p.UpdatedAt).HasConversion(UtcDateTimes.Converter);
        // The feed: published items at a few orgs (a reader's chain), pinned first, newest first.
        b.HasIndex(p => new { p.Status, p.OrgUnitId, p.Pinned, p.PublishAt, p.Id });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Files).WithOne().HasForeignKey(f => f.PublicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PublicationFileConfiguration : IEntityTypeConfiguration<PublicationFile>
{
    public void Configure(EntityTypeBuilder<PublicationFile> b)
    {
        b.ToTable("PublicationFiles");
        b.HasKey(f => new { f.PublicationId, f.FileId, f.Use });
        b.Property(f => f.FileId).HasMaxLength(32);
        b.Property(f => f.Use).HasMaxLength(20);
        b.HasIndex(f => f.FileId);
    }
}

public sealed class PublicationReadConfiguration : IEntityTypeConfiguration<PublicationRead>
{
    public void Configure(EntityTypeBuilder<PublicationRead> b)
    {
        b.ToTable("PublicationReads");
        b.HasKey(r => new { r.PublicationId, r.ReaderAccountId });
        b.Property(r => r.ReaderAccountId).HasMaxLength(450);
        b.Property(r => r.FirstReadAt).HasConversion(UtcDateTimes.Converter);
        b.HasOne<Publication>().WithMany().HasForeignKey(r => r.PublicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PublicationBigramConfiguration : IEntityTypeConfiguration<PublicationBigram>
{
    public void Configure(EntityTypeBuilder<PublicationBigram> b)
    {
        b.ToTable("PublicationBigrams");
        // Search looks bigrams up first; the item's own rows are replaced by PublicationId on each edit.
        b.HasKey(g => new { g.Bigram, g.PublicationId });
        b.Property(g => g.Bigram).HasMaxLength(2);
        b.HasIndex(g => g.PublicationId);
        b.HasOne<Publication>().WithMany(p => p.Bigrams).HasForeignKey(g => g.PublicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class PublicationLimits
{
    public const int Title = 200;
    public const int Summary = 500;
    public const int Body = 200_000;
    public const int Tags = 10;
    public const int Tag = 30;
}
