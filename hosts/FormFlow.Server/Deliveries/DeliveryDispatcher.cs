using FormFlow.Persistence;
using FormFlow.Persistence.Deliveries;
using FormFlow.Server.Dispatch;
using FormFlow.Server.Privacy;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Deliveries;

/// <summary>
/// The background pass that sends due deliveries through their channel's adapter. A failed send (the gateway down,
/// a 5xx, the channel not configured) backs off 1, 2, 4 ... minutes and fails for good after
/// <see cref="MaxAttempts"/> tries; admins see it on the Studio's 消息投递 page and can retry it.
/// </summary>
internal sealed class DeliveryDispatcher(IServiceScopeFactory scopes, TimeProvider clock, WorkLease lease, ChannelAdapters adapters,
    IConfiguration config, ILogger<DeliveryDispatcher> log) : PollingService(config, log)
{
    public const int MaxAttempts = 8;
    private const int Batch = 20;

    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var claimant = lease.NewClaimant();
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await WorkClaims.DeliveriesAsync(scope.ServiceProvider.GetRequiredService<FormFlowDbContext>(), claimant, clock.GetUtcNow().UtcDateTime, lease.Duration, Batch, ct);
        if (due.Count == 0) return 0;
        var sent = 0;
        await using (ClaimHeartbeat.Start(scopes, clock, claimant, lease.Duration, log))
            foreach (var id in due) sent += await SendAsync(id, claimant, ct) ? 1 : 0;
        return sent;
    }

    private async Task<bool> SendAsync(long id, string claimant, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
        var pii = scope.ServiceProvider.GetRequiredService<PiiProtector>();
        var delivery = await db.Deliveries.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (delivery is null || delivery.DoneAt is not null) return false;
        var adapter = adapters.For(delivery.Channel);
        try
        {
            if (adapter is null) throw new InvalidOperationException($"the {delivery.Channel} channel is not configured (FormFlow:Channels)");
            await adapter.SendAsync(new OutgoingMessage(delivery.Id, delivery.Channel, pii.OpenText(delivery.To), delivery.Template, delivery.Title, pii.OpenText(delivery.Body)), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            delivery.Postpone(ex.Message, clock.GetUtcNow().UtcDateTime, MaxAttempts);
            await db.SaveChangesAsync(ct);
            if (delivery.FailedAt is not null) log.LogError("Delivery {Id} ({Channel}) failed for good after {Attempts} tries: {Error}", id, delivery.Channel, delivery.Attempts, ex.Message);
            else log.LogWarning("Delivery {Id} ({Channel}) failed; retrying after {Next:O}: {Error}", id, delivery.Channel, delivery.NextAttemptAt, ex.Message);
            return false;
        }
        if (!await WorkClaims.FinishAsync<Delivery>(db, id, claimant, clock.GetUtcNow().UtcDateTime, ct)) return false;
        await db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Via, adapter.Name), ct);
        return true;
    }
}

/// <summary>The adapter of each outgoing channel, as configured (<see cref="ChannelSettings"/>); none for a channel that is off.</summary>
internal sealed class ChannelAdapters(IEnumerable<ChannelSettings> channels, IHttpClientFactory http, TimeProvider clock, LogChannel logChannel)
{
    private readonly Dictionary<string, ChannelSettings> _channels = channels.ToDictionary(c => c.Channel);

    public IChannelAdapter? For(string channel) => _channels.GetValueOrDefault(channel)?.Adapter switch
    {
        ChannelSettings.Http => new HttpGateway(_channels[channel], http.CreateClient(HttpGateway.HttpClientName), clock),
        ChannelSettings.Log => logChannel,
        _ => null,
    };
}
