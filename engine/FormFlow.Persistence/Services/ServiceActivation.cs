namespace FormFlow.Persistence.Services;

/// <summary>
/// A service: a module snapshot activated at an org unit for its whole subtree. At most one activation of a module
/// is live (not retired) per org unit; below it, the deepest live activation on a worker's chain of unions wins.
/// </summary>
public sealed class ServiceActivation
{
    public int Id { get; set; }
    public required string ModuleKey { get; set; }
    public int OrgUnitId { get; set; }
    public required string SnapshotHash { get; set; }
    public DateTime ActivatedAt { get; set; }
    /// <summary>User name of who activated it, or "system" for demo seeding.</summary>
    public required string ActivatedBy { get; set; }
    /// <summary>Set when the service is withdrawn or replaced; running cases keep their snapshot.</summary>
    public DateTime? RetiredAt { get; set; }
}
