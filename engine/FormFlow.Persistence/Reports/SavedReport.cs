using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Reports;

/// <summary>
/// A report a leader built from the figures and saved under a name: which measures, broken down by which dimensions
/// (org units of one level, module, month), over which org's subtree, module and period. Only its owner sees it, and
/// it always runs with the scope of whoever runs it now (the owner's roles may have narrowed since it was saved).
/// A report may be scheduled: <see cref="NextDueAt"/> is when its Excel is next built and sent.
/// </summary>
public sealed class SavedReport
{
    public long Id { get; set; }
    public required string OwnerAccountId { get; set; }
    public required string Name { get; set; }
    /// <summary>Measure names, comma-separated, in the order of the table's columns.</summary>
    public required string Measures { get; set; }
    /// <summary>Dimension names (<c>org</c>, <c>module</c>, <c>month</c>), comma-separated; empty: one row of totals.</summary>
    public string Dimensions { get; set; } = "";
    /// <summary>The level of the org units the <c>org</c> dimension lists.</summary>
    public OrgLevel OrgLevel { get; set; } = OrgLevel.Grassroots;
    /// <summary>The subtree counted; null: the runner's own highest staff unit.</summary>
    public int? OrgUnitId { get; set; }
    public string? ModuleKey { get; set; }
    /// <summary>A period relative to the day it runs (<c>lastWeek</c>, <c>lastMonth</c>, <c>yearToDate</c>); null: <see cref="From"/>–<see cref="To"/>.</summary>
    public string? RelativePeriod { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    /// <summary><c>weekly</c> or <c>monthly</c>; null: not scheduled.</summary>
    public string? Schedule { get; set; }
    /// <summary>Weekly: ISO weekday 1 (Monday) to 7; monthly: day 1 to 28.</summary>
    public int ScheduleDay { get; set; }
    /// <summary>Local hour (China Standard Time) 0 to 23.</summary>
    public int ScheduleHour { get; set; }
    /// <summary>The next due time (UTC) of a scheduled report.</summary>
    public DateTime? NextDueAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SavedReportMapping : IEntityTypeConfiguration<SavedReport>
{
    public void Configure(EntityTypeBuilder<SavedReport> b)
    {
        b.ToTable("SavedReports");
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Measures).HasMaxLength(400);
        b.Property(r => r.Dimensions).HasMaxLength(40);
        b.Property(r => r.ModuleKey).HasMaxLength(100);
        b.Property(r => r.RelativePeriod).HasMaxLength(20);
        b.Property(r => r.Schedule).HasMaxLength(10);
        b.HasOne<Account>().WithMany().HasForeignKey(r => r.OwnerAccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.OwnerAccountId);
        b.HasIndex(r => r.NextDueAt);
    }
}
