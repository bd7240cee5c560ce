using FormFlow.Persistence.Delegations;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<Delegation> Delegations => Set<Delegation>();
}
