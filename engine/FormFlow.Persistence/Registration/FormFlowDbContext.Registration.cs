using FormFlow.Persistence.Registration;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<RegistrationCode> RegistrationCodes => Set<RegistrationCode>();
}
