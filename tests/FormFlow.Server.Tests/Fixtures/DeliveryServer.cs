using FormFlow.Persistence.Database;
using FormFlow.Server.Deliveries;
using Microsoft.Extensions.DependencyInjection;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// A <see cref="CaseServer"/> whose SMS channel is the HTTP adapter pointed at a real local <see cref="GatewayReceiver"/>
/// (its path <c>/sms</c>), with the delivery pass run by hand (<see cref="DeliverAsync"/>) and sign-up codes not
/// limited per address (the flood test starts a server of its own).
/// </summary>
public class DeliveryServer(DatabaseProvider provider) : CaseServer(provider), IAsyncLifetime
{
    public GatewayReceiver Gateway { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["FormFlow:Channels:Sms:Adapter"] = "http",
        ["FormFlow:Channels:Sms:Url"] = new Uri(Gateway.Url, "sms").ToString(),
        ["FormFlow:Channels:Sms:Secret"] = GatewayReceiver.Secret,
        ["RateLimits:RegistrationCodePermits"] = "100000",
    };

    public override async Task InitializeAsync()
    {
        Gateway = await GatewayReceiver.StartAsync();
        await base.InitializeAsync();
    }

    /// <summary>One delivery pass; how many messages it sent.</summary>
    public Task<int> DeliverAsync() => Services.GetRequiredService<DeliveryDispatcher>().RunOnceAsync(CancellationToken.None);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Gateway.DisposeAsync();
    }
}

public sealed class SqliteDeliveryServer() : DeliveryServer(DatabaseProvider.Sqlite);

public sealed class PostgresDeliveryServer() : DeliveryServer(DatabaseProvider.Postgres);
