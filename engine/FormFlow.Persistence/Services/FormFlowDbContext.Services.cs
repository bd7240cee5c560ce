using FormFlow.Persistence.Services;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<ServiceActivation> ServiceActivations => Set<ServiceActivation>();

    /// <summary>
    /// A mark that changes whenever the set of live activations does — how many there are and the newest ID;
    /// activations are only ever added or retired, never edited — so a process may keep the set and re-read it only
    /// when the mark moves. One cheap query, outside the query pipeline.
    /// </summary>
    public async Task<string> LiveServicesMarkAsync(CancellationToken ct) =>
        (string)(await ScalarAsync("""SELECT count(*) || ':' || coalesce(max("Id"), 0) FROM "ServiceActivations" WHERE "RetiredAt" IS NULL""", ct))!;
}
