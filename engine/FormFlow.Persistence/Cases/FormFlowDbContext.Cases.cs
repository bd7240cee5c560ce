using FormFlow.Persistence.Cases;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseTask> CaseTasks => Set<CaseTask>();
    public DbSet<CaseTimer> CaseTimers => Set<CaseTimer>();
    public DbSet<OutboxEntry> Outbox => Set<OutboxEntry>();
    public DbSet<SubmissionKey> SubmissionKeys => Set<SubmissionKey>();

    /// <summary>
    /// Reserves the ID of a case about to be added, so its number, its workflow and its rows can be written in one
    /// save instead of an insert and an update. Call it inside the write transaction
    /// (<see cref="BeginWriteTransactionAsync"/>): SQLite reads its high-water mark there.
    /// </summary>
    public abstract Task<long> ReserveCaseIdAsync(CancellationToken ct);
}
