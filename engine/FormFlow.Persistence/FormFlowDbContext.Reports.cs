using FormFlow.Persistence.Reports;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<SavedReport> SavedReports => Set<SavedReport>();
}
