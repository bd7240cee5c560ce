using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Statistics;
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
        // Dashboards read tens of thousands of figure rows per answer (a 3,000-unit ranking, a district's year): with the
        // values in the index they are read from it alone, not by one random heap page per row (~10× fewer pages on the
        // 1M-member city). The primary key carries Value the same way (migration CoveringFigureIndexes: EF cannot say
        // INCLUDE on a key). The price: an increment now writes index entries too, as PostgreSQL's in-place (HOT)
        // update needs every indexed column unchanged.
        builder.Entity<Figure>().HasIndex(f => new { f.Measure, f.Period, f.OrgUnitId }).IncludeProperties(f => new { f.ModuleKey, f.Key, f.Value });
    }
}

/// <summary>Lets <c>dotnet ef migrations add ... --context PostgresFormFlowDbContext</c> build the model (no connection is opened).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFormFlowDbContext>
{
    public PostgresFormFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFormFlowDbContext>().UseNpgsql("Host=localhost;Database=formflow").Options);
}
