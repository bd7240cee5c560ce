using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Delegations;

internal sealed class DelegationMapping : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> b)
    {
        b.ToTable("Delegations");
        b.HasKey(d => d.AccountId);
        b.Property(d => d.From).HasConversion(UtcDateTimes.Converter);
        b.Property(d => d.Until).HasConversion(UtcDateTimes.Converter);
        b.Property(d => d.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(d => d.ToAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.ToAccountId);
    }
}
