using FormFlow.Persistence.Modules;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<ModuleSnapshot> ModuleSnapshots => Set<ModuleSnapshot>();
}
