using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Snapshots;

namespace FormFlow.Server.Services;

/// <summary>
/// What the service hall lists for an account: the services visible to it that its roles may start. The API's list
/// and the hall the Portal's page draws for a signed-in worker (<c>WebUi/PortalFirstScreen</c>) both read it.
/// </summary>
internal static class HallServices
{
    public static async Task<List<ServiceView>> ForAsync(
        FormFlowDbContext db, ServiceDirectory directory, SnapshotCatalog snapshots, Account account, CancellationToken ct)
    {
        var views = new List<ServiceView>();
        foreach (var entry in await directory.VisibleToAsync(db, account, ct))
        {
            var snapshot = await snapshots.RequireAsync(db, entry.Activation.SnapshotHash, ct);
            if (ServiceStarters.MayStart(account, entry, snapshot)) views.Add(ServiceView.From(entry, snapshot));
        }
        return views;
    }
}
