using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage;

namespace FormFlow.Persistence.Database;

/// <summary>
/// The SQLite store; owns the migrations under <c>Migrations/Sqlite</c>. Its writes pass the process's
/// <see cref="SqliteWriteGate"/>: write transactions hold it until they end, a save outside one holds it while saving.
/// </summary>
public sealed class SqliteFormFlowDbContext(DbContextOptions<SqliteFormFlowDbContext> options) : FormFlowDbContext(options)
{
    private SemaphoreSlim Gate => SqliteWriteGate.For(Database.GetConnectionString());

    public override async Task<IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken ct = default)
    {
        var gate = Gate;
        await gate.WaitAsync(ct);
        try
        {
            return new SqliteWriteGate.GatedTransaction(await Database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>The next AUTOINCREMENT value of Cases; the write gate and the open transaction keep it ours.</summary>
    public override async Task<long> ReserveCaseIdAsync(CancellationToken ct) => Convert.ToInt64(await ScalarAsync(
        """SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'Cases'), 0), coalesce((SELECT max("Id") FROM "Cases"), 0)) + 1""", ct));

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        if (Database.CurrentTransaction is not null) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        var gate = Gate;
        await gate.WaitAsync(ct);
        try { return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct); }
        finally { gate.Release(); }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null) return base.SaveChanges(acceptAllChangesOnSuccess);
        var gate = Gate;
        gate.Wait();
        try { return base.SaveChanges(acceptAllChangesOnSuccess); }
        finally { gate.Release(); }
    }
}

/// <summary>Lets <c>dotnet ef migrations add ... --context SqliteFormFlowDbContext</c> build the model.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFormFlowDbContext>
{
    public SqliteFormFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFormFlowDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
