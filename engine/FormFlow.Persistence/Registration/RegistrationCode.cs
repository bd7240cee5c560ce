using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Registration;

/// <summary>
/// A one-time code sent to a mobile number for signing up: stored hashed, good until <see cref="ExpiresAt"/> for
/// a bounded number of <see cref="Tries"/>, spent by the registration it allowed (<see cref="UsedAt"/>). Only a
/// number's newest code counts.
/// </summary>
public sealed class RegistrationCode
{
    public long Id { get; set; }
    public required string Mobile { get; set; }
    public required string CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int Tries { get; set; }
    public DateTime? UsedAt { get; set; }
}

internal sealed class RegistrationCodeMapping : IEntityTypeConfiguration<RegistrationCode>
{
    public void Configure(EntityTypeBuilder<RegistrationCode> b)
    {
        b.ToTable("RegistrationCodes");
        b.Property(c => c.Mobile).HasMaxLength(20);
        b.Property(c => c.CodeHash).HasMaxLength(200);
        b.Property(c => c.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(c => c.ExpiresAt).HasConversion(UtcDateTimes.Converter);
        b.Property(c => c.UsedAt).HasConversion(UtcDateTimes.NullableConverter);
        b.HasIndex(c => new { c.Mobile, c.Id });
    }
}
