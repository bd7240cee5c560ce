using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FormFlow.Persistence.Database;

/// <summary>The SQLite store; owns the migrations under <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteFormFlowDbContext(DbContextOptions<SqliteFormFlowDbContext> options) : FormFlowDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add ... --context SqliteFormFlowDbContext</c> build the model.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFormFlowDbContext>
{
    public SqliteFormFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFormFlowDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
