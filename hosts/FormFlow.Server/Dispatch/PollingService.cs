namespace FormFlow.Server.Dispatch;

/// <summary>
/// A background loop over stored work: runs a pass, and when it found nothing waits <c>Dispatcher:PollMilliseconds</c>
/// before the next. A failed pass is logged and the loop goes on. <c>Dispatcher:Enabled=false</c> stops the loop
/// (tests then run passes themselves).
/// </summary>
internal abstract class PollingService(IConfiguration config, ILogger log) : BackgroundService
{
    private readonly TimeSpan _poll = TimeSpan.FromMilliseconds(config.GetValue("Dispatcher:PollMilliseconds", 1000));
    private readonly bool _enabled = config.GetValue("Dispatcher:Enabled", true);

    /// <summary>One pass; returns how many items it handled.</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "{Service} pass failed; trying again", GetType().Name);
            }
            if (handled == 0) await Task.Delay(_poll, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }
}
