using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Cases;

internal sealed class CaseMapping : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("Cases");
        b.Property(c => c.Number).HasMaxLength(40);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.SnapshotHash).HasMaxLength(80);
        b.Property(c => c.ModuleKey).HasMaxLength(100);
        b.Property(c => c.Status).HasMaxLength(30);
        b.Property(c => c.CurrentStep).HasMaxLength(200);
        b.Property(c => c.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(c => c.UpdatedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(c => c.ClosedAt).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<ServiceActivation>().WithMany().HasForeignKey(c => c.ServiceActivationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ModuleSnapshot>().WithMany().HasForeignKey(c => c.SnapshotHash).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.ApplicantAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ApplicantAccountId, c.CreatedAt });
        b.HasIndex(c => new { c.OrgUnitId, c.CreatedAt });
    }
}

internal sealed class CaseTaskMapping : IEntityTypeConfiguration<CaseTask>
{
    public void Configure(EntityTypeBuilder<CaseTask> b)
    {
        b.ToTable("CaseTasks");
        b.Property(t => t.BookmarkId).HasMaxLength(60);
        b.Property(t => t.ActivityId).HasMaxLength(100);
        b.Property(t => t.Kind).HasMaxLength(30);
        b.Property(t => t.Title).HasMaxLength(300);
        b.Property(t => t.Role).HasMaxLength(40);
        b.Property(t => t.FormId).HasMaxLength(100);
        b.Property(t => t.CompletedBy).HasMaxLength(256);
        b.Property(t => t.Outcome).HasMaxLength(100);
        b.Property(t => t.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(t => t.DueAt).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(t => t.CompletedAt).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(t => t.ClaimedAt).HasConversion(UtcDateTimes.NullableConverter);
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.ClaimedBy).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.CaseId, t.BookmarkId }).IsUnique();
        b.HasIndex(t => new { t.Role, t.OrgUnitId, t.CompletedAt });
        // The open steps by due time (few: the closed ones are the mass), with their case: those past due now, which
        // /api/stats counts live, without reading a city's million cases and their steps.
        b.HasIndex(t => new { t.DueAt, t.CaseId }).HasFilter("\"CompletedAt\" IS NULL").HasDatabaseName("IX_CaseTasks_Open_DueAt_CaseId");
    }
}

internal sealed class CaseTimerMapping : IEntityTypeConfiguration<CaseTimer>
{
    public void Configure(EntityTypeBuilder<CaseTimer> b)
    {
        b.ToTable("CaseTimers");
        b.Property(t => t.BookmarkId).HasMaxLength(60);
        b.Property(t => t.ClaimedBy).HasMaxLength(100);
        b.Property(t => t.DueAt).HasConversion(UtcDateTimes.Converter);
        b.Property(t => t.FiredAt).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(t => t.ClaimedUntil).HasConversion(UtcDateTimes.NullableConverter);
        b.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.CaseId, t.BookmarkId, t.DueAt }).IsUnique();
        b.HasIndex(t => new { t.FiredAt, t.DueAt });
    }
}

internal sealed class OutboxEntryMapping : IEntityTypeConfiguration<OutboxEntry>
{
    public void Configure(EntityTypeBuilder<OutboxEntry> b)
    {
        b.ToTable("Outbox");
        b.MapClaims();
        b.Property(o => o.Key).HasMaxLength(200);
        b.Property(o => o.Kind).HasMaxLength(60);
        b.Property(o => o.ActivityId).HasMaxLength(100);
        b.HasOne<Case>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.CaseId, o.Key }).IsUnique();
    }
}

internal sealed class SubmissionKeyMapping : IEntityTypeConfiguration<SubmissionKey>
{
    public void Configure(EntityTypeBuilder<SubmissionKey> b)
    {
        b.ToTable("SubmissionKeys");
        b.Property(k => k.Key).HasMaxLength(200);
        b.Property(k => k.RequestHash).HasMaxLength(80);
        b.Property(k => k.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.HasOne<Account>().WithMany().HasForeignKey(k => k.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Case>().WithMany().HasForeignKey(k => k.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(k => new { k.AccountId, k.Key }).IsUnique();
    }
}
