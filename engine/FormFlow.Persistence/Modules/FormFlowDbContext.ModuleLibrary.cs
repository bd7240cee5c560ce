using FormFlow.Persistence.Modules;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<ModuleRecord> Modules => Set<ModuleRecord>();
    public DbSet<ModuleVersion> ModuleVersions => Set<ModuleVersion>();
    public DbSet<ModuleUpgrade> ModuleUpgrades => Set<ModuleUpgrade>();
    public DbSet<ModuleCascade> ModuleCascades => Set<ModuleCascade>();
}
