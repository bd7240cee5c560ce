namespace FormFlow.Server.Snapshots;

internal static class SnapshotsSetup
{
    public static IServiceCollection AddSnapshots(this IServiceCollection services) => services.AddSingleton<SnapshotCatalog>();
}
