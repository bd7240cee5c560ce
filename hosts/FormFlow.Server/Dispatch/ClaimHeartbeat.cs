using FormFlow.Persistence;

namespace FormFlow.Server.Dispatch;

/// <summary>
/// Keeps one dispatcher pass's claims alive while it works through them: every third of the lease it extends the
/// lease of the rows the pass still holds (<see cref="WorkClaims.RenewAsync"/>). So the lease can be short — a killed
/// process's claims end one lease after its last heartbeat — while a long batch is not taken over under a live pass.
/// A renewal that fails (the database away) is only logged: the lease then runs out and another pass may take the
/// rows, which stays safe because only the current claimant can mark a row done.
/// </summary>
internal sealed class ClaimHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;

    private ClaimHeartbeat(IServiceScopeFactory scopes, TimeProvider clock, string claimant, TimeSpan lease, ILogger log) =>
        _beating = BeatAsync(scopes, clock, claimant, lease, log, _stop.Token);

    public static ClaimHeartbeat Start(IServiceScopeFactory scopes, TimeProvider clock, string claimant, TimeSpan lease, ILogger log) =>
        new(scopes, clock, claimant, lease, log);

    private static async Task BeatAsync(IServiceScopeFactory scopes, TimeProvider clock, string claimant, TimeSpan lease, ILogger log, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(lease / 3, clock, stop);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
                await WorkClaims.RenewAsync(db, claimant, clock.GetUtcNow().UtcDateTime + lease, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Could not renew the dispatcher's claims {Claimant}; they lapse when their lease ends", claimant);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _beating;
        _stop.Dispose();
    }
}
