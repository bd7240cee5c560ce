using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Responses;

// Keys carry no order: no identity column on participations, tallies or piles (SQLite creates them WITHOUT ROWID
// in the migration), so neither rowid nor an id says who answered when.
internal sealed class ParticipationMapping : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> b)
    {
        b.ToTable("Participations");
        b.HasKey(p => new { p.ServiceActivationId, p.AccountId, p.PeriodKey });
        b.Property(p => p.AccountId).HasMaxLength(450);
        b.Property(p => p.PeriodKey).HasMaxLength(16);
        b.HasIndex(p => new { p.ServiceActivationId, p.OrgUnitId });
        b.HasOne<ServiceActivation>().WithMany().HasForeignKey(p => p.ServiceActivationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResponseRecordMapping : IEntityTypeConfiguration<ResponseRecord>
{
    public void Configure(EntityTypeBuilder<ResponseRecord> b)
    {
        b.ToTable("Responses");
        b.Property(r => r.AccountId).HasMaxLength(450);
        b.Property(r => r.SnapshotHash).HasMaxLength(80);
        b.Property(r => r.SubmittedAt).HasConversion(UtcDateTimes.Converter);
        b.HasIndex(r => new { r.ServiceActivationId, r.Id });
        b.HasIndex(r => r.AccountId);
        b.HasOne<ServiceActivation>().WithMany().HasForeignKey(r => r.ServiceActivationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResponseTallyMapping : IEntityTypeConfiguration<ResponseTally>
{
    public void Configure(EntityTypeBuilder<ResponseTally> b)
    {
        b.ToTable("ResponseTallies");
        b.HasKey(t => new { t.ServiceActivationId, t.OrgUnitId, t.Field, t.Bucket });
        b.Property(t => t.Field).HasMaxLength(100);
        b.Property(t => t.Bucket).HasMaxLength(200);
    }
}

internal sealed class BallotPileMapping : IEntityTypeConfiguration<BallotPile>
{
    public void Configure(EntityTypeBuilder<BallotPile> b)
    {
        b.ToTable("BallotPiles");
        b.HasKey(p => new { p.ServiceActivationId, p.Answer });
        b.Property(p => p.Answer).HasMaxLength(2000);
    }
}
