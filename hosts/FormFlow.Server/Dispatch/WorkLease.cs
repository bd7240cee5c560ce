namespace FormFlow.Server.Dispatch;

/// <summary>
/// How this process names its claims on stored work and how long a claim holds: shared by the dispatcher's passes,
/// the cascade recovery's, and the publish requests that run their own cascade. The lease is short because a live
/// claimant renews it (<see cref="ClaimHeartbeat"/>): a dead process's claims end this long after its last beat.
/// </summary>
internal sealed class WorkLease(IConfiguration config)
{
    private readonly string _process = $"{Environment.MachineName}:{Environment.ProcessId}";

    public TimeSpan Duration { get; } = TimeSpan.FromSeconds(config.GetValue("Dispatcher:LeaseSeconds", 15));

    /// <summary>A claimant of its own for one pass or request, naming the process (so a dead one's claims can be told apart).</summary>
    public string NewClaimant() => $"{_process}:{Guid.NewGuid():N}";
}
