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
}
