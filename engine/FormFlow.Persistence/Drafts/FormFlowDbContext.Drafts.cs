using FormFlow.Persistence.Drafts;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<Draft> Drafts => Set<Draft>();
}
