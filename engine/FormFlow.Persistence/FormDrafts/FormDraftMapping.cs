using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.FormDrafts;

internal sealed class FormDraftMapping : IEntityTypeConfiguration<FormDraft>
{
    public void Configure(EntityTypeBuilder<FormDraft> b)
    {
        b.ToTable("FormDrafts");
        b.Property(d => d.SavedAt).HasConversion(UtcDateTimes.Converter);
        b.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ServiceActivation>().WithMany().HasForeignKey(d => d.ServiceActivationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.AccountId, d.ServiceActivationId }).IsUnique();
    }
}
