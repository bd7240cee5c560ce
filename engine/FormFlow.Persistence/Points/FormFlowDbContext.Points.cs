using FormFlow.Persistence.Points;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<PointsEntry> PointsEntries => Set<PointsEntry>();
    public DbSet<PointsDay> PointsDays => Set<PointsDay>();
}
