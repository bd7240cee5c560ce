using FormFlow.Persistence.Database;

namespace FormFlow.Persistence.Modules;

/// <summary>
/// The automatic upgrades a publish owes the modules derived from the published one, stored in the publish's own
/// transaction so that a process dying before they ran does not lose them: pending until done. Whoever runs it (the
/// publishing request, else a background pass) holds a lease on it, as the dispatcher does for timers and outbox
/// items; a run that failed is tried again after a backoff.
/// </summary>
public sealed class ModuleCascade : ClaimedWork
{
    /// <summary>The published module, whose derived modules follow it.</summary>
    public int ModuleRecordId { get; set; }
    public int ModuleVersionId { get; set; }
    /// <summary>Who published: the automatic upgrades are recorded in their name, resumed or not.</summary>
    public required string RequestedBy { get; set; }
}
