using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

/// <summary>
/// The FormFlow store: the org hierarchy, accounts (Identity users without Identity's global roles — FormFlow
/// roles are held at org units) and the audit log. Each database provider has a subclass that owns its migrations
/// (<see cref="Database.SqliteFormFlowDbContext"/>, <see cref="Database.PostgresFormFlowDbContext"/>); code depends on this type only.
/// Each concept folder adds its sets in a partial file (<c>FormFlowDbContext.Concept.cs</c>) and its mapping in an
/// <see cref="IEntityTypeConfiguration{TEntity}"/> class, picked up below.
/// </summary>
public abstract partial class FormFlowDbContext(DbContextOptions options) : IdentityUserContext<Account>(options)
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FormFlowDbContext).Assembly);

        builder.Entity<Account>(b => b.Property(a => a.DisplayName).HasMaxLength(100));

        builder.Entity<OrgUnit>(b =>
        {
            b.Property(o => o.Name).HasMaxLength(200);
            b.Property(o => o.Level).HasMaxLength(20).HasConversion(
                level => level.ToString().ToLowerInvariant(),
                text => Enum.Parse<OrgLevel>(text, true));
            b.Property(o => o.Path).HasMaxLength(400);
            b.Property(o => o.ArchivedAt).HasConversion(UtcDateTimes.NullableConverter);
            b.HasIndex(o => o.Path);
            b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RoleAssignment>(b =>
        {
            b.Property(r => r.Role).HasMaxLength(40);
            b.HasOne(r => r.Account).WithMany(a => a.Roles).HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(r => r.OrgUnit).WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(r => new { r.AccountId, r.Role, r.OrgUnitId }).IsUnique();
        });

        builder.Entity<AuditEntry>(b =>
        {
            b.Property(a => a.Actor).HasMaxLength(256);
            b.Property(a => a.Action).HasMaxLength(100);
            b.Property(a => a.Target).HasMaxLength(256);
            b.HasIndex(a => a.At);
            b.HasIndex(a => new { a.OrgId, a.Id });
        });
    }

    /// <summary>The synchronous save keeps the figures too (by the asynchronous path; FormFlow itself saves asynchronously).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return SaveWithFiguresAsync(acceptAllChangesOnSuccess, CancellationToken.None).GetAwaiter().GetResult();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return SaveWithFiguresAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseAuditRewrites()
    {
        var rewritten = ChangeTracker.Entries<AuditEntry>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (rewritten is not null)
            throw new InvalidOperationException($"audit entry {rewritten.Entity.Id} cannot be {rewritten.State.ToString().ToLowerInvariant()}: the audit log is append-only");
    }
}
