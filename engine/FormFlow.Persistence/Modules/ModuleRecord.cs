namespace FormFlow.Persistence.Modules;

/// <summary>
/// A module in the library of one org unit: a <see cref="ModuleKinds.Template"/> (its own package) or a
/// <see cref="ModuleKinds.Derived"/> module (an overlay on its parent module's published versions). <see cref="Key"/>
/// is the package's module ID (e.g. <c>join</c>), shared by a template and everything derived from it.
/// </summary>
public sealed class ModuleRecord
{
    public int Id { get; set; }
    public required string Key { get; set; }
    /// <summary>The module name as JSON (localized text), copied from the package for listing.</summary>
    public required string Name { get; set; }
    public required string Category { get; set; }
    public required string Kind { get; set; }
    public int OwnerOrgUnitId { get; set; }
    public int? ParentModuleId { get; set; }
    /// <summary>
    /// The working copy as JSON: a template's package document (manifest with forms and workflow inline), or a
    /// derived module's overlay (<c>{org, base: {module, version, hash}, operations, log}</c>).
    /// </summary>
    public required string Draft { get; set; }
    public DateTime DraftUpdatedAt { get; set; }
    public required string DraftUpdatedBy { get; set; }
    /// <summary>
    /// Counts every change of <see cref="Draft"/> (an edit, an upgrade, an automatic upgrade): the concurrency token
    /// that keeps two designers saving one draft from silently overwriting each other.
    /// </summary>
    public long DraftRevision { get; set; }
    /// <summary>
    /// A derived module follows its parent's new versions on its own (rebased, republished, services moved) when
    /// the rebase has no blocking conflict and no unpublished draft is in progress. On unless the owner turns it off.
    /// </summary>
    public bool AutoUpgrade { get; set; } = true;
    /// <summary>
    /// The parent's version (ID) whose automatic upgrade this module was last recorded as waiting for: a wait is
    /// audited once per parent version, however often a cascade (resumed after a crash, say) comes by again.
    /// </summary>
    public int? AutoUpgradeWaitAuditedFor { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When archived: hidden from the library by default, not derived or newly activated; running services and cases go on.</summary>
    public DateTime? ArchivedAt { get; set; }
    public string? ArchivedBy { get; set; }
    public List<ModuleVersion> Versions { get; set; } = [];
}

public static class ModuleKinds
{
    public const string Template = "template";
    public const string Derived = "derived";
}
