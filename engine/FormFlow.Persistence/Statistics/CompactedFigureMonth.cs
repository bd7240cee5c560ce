using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Statistics;

/// <summary>A closed month whose figures <see cref="FigureCompaction"/> has written again in read order.</summary>
public sealed class CompactedFigureMonth
{
    /// <summary>The month period (<c>202611</c>).</summary>
    public int Month { get; set; }
    public DateTime CompactedAt { get; set; }
}

internal sealed class CompactedFigureMonthMapping : IEntityTypeConfiguration<CompactedFigureMonth>
{
    public void Configure(EntityTypeBuilder<CompactedFigureMonth> b)
    {
        b.ToTable("CompactedFigureMonths");
        b.HasKey(c => c.Month);
        b.Property(c => c.Month).ValueGeneratedNever();
    }
}
