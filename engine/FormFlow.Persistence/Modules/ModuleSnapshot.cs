namespace FormFlow.Persistence.Modules;

/// <summary>
/// A resolved module (the engine's <c>Modules/Resolution</c> snapshot), stored once under its content hash.
/// Immutable: services activate it and cases pin it, so a row that either refers to cannot be deleted.
/// </summary>
public sealed class ModuleSnapshot
{
    /// <summary>The engine's snapshot hash, <c>sha256:…</c> of the canonical module JSON.</summary>
    public required string Hash { get; set; }
    public required string ModuleKey { get; set; }
    public required string Version { get; set; }
    /// <summary>The org unit whose resolution this is (the owner of the template or of the last overlay).</summary>
    public int OwnerOrgUnitId { get; set; }
    /// <summary>The resolved module JSON exactly as the resolver produced it (manifest, forms, workflow, locks ...).</summary>
    public required string Content { get; set; }
    /// <summary>Which org set each element property, as JSON.</summary>
    public string Provenance { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
}
