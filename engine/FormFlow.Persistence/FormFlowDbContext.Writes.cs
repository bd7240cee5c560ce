using Microsoft.EntityFrameworkCore.Storage;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    /// <summary>
    /// Begins the transaction of a unit of work that writes. Use it instead of <c>Database.BeginTransactionAsync</c>:
    /// on SQLite it first waits, asynchronously, for this process's other writers (see
    /// <see cref="Database.SqliteWriteGate"/>); on PostgreSQL it is a plain transaction.
    /// </summary>
    public virtual Task<IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken ct = default) => Database.BeginTransactionAsync(ct);
}
