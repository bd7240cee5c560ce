using FormFlow.Persistence.FormDrafts;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<FormDraft> FormDrafts => Set<FormDraft>();
}
