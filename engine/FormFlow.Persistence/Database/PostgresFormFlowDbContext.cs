using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FormFlow.Persistence.Database;

/// <summary>The PostgreSQL store; owns the migrations under <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresFormFlowDbContext(DbContextOptions<PostgresFormFlowDbContext> options) : FormFlowDbContext(options)
{
    /// <summary>The next value of the Cases identity sequence (sequences are outside transactions: no two callers get one value).</summary>
    public override async Task<long> ReserveCaseIdAsync(CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync("""SELECT nextval(pg_get_serial_sequence('"Cases"', 'Id'))""", ct));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Byte order for paths whatever the cluster's locale, so the subtree range query is exact and indexed.
        builder.Entity<OrgUnit>().Property(o => o.Path).UseCollation("C");
    }
}

/// <summary>Lets <c>dotnet ef migrations add ... --context PostgresFormFlowDbContext</c> build the model (no connection is opened).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFormFlowDbContext>
{
    public PostgresFormFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFormFlowDbContext>().UseNpgsql("Host=localhost;Database=formflow").Options);
}
