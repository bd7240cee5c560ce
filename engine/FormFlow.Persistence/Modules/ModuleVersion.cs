namespace FormFlow.Persistence.Modules;

/// <summary>
/// A published version of a module: immutable. <see cref="Content"/> is what was published (a template's package
/// document or a derived module's overlay); <see cref="SnapshotHash"/> the snapshot it resolves to, which services
/// activate and cases pin. <see cref="ParentVersionId"/> is the parent's version a derived module was based on.
/// </summary>
public sealed class ModuleVersion
{
    public int Id { get; set; }
    public int ModuleRecordId { get; set; }
    /// <summary>A template's package version (e.g. <c>1.0.0</c>); a derived module's versions count 1, 2, 3 ...</summary>
    public required string Version { get; set; }
    public required string SnapshotHash { get; set; }
    public required string Content { get; set; }
    public int? ParentVersionId { get; set; }
    public DateTime PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
}
