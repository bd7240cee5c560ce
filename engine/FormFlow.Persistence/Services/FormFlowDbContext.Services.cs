using FormFlow.Persistence.Services;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<ServiceActivation> ServiceActivations => Set<ServiceActivation>();
}
