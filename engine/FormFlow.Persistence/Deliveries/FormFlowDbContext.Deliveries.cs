using FormFlow.Persistence.Deliveries;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<ChannelMute> ChannelMutes => Set<ChannelMute>();
}
