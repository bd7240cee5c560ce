using FormFlow.Persistence.Files;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<StoredFile> Files => Set<StoredFile>();
}
