using FormFlow.Persistence.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<Notification> Notifications => Set<Notification>();
}
