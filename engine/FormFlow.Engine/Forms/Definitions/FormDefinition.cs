namespace FormFlow.Engine.Forms.Definitions;

/// <summary>
/// A form definition as loaded from JSON (see form-definition.schema.json). Build one with
/// <see cref="Loading.FormDefinitionLoader"/>, which checks it; the records themselves do not.
/// </summary>
public sealed record FormDefinition
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText? Description { get; init; }
    public required IReadOnlyList<PageDefinition> Pages { get; init; }

    /// <summary>Every field in document order (pages, sections, then fields; group children follow their group).</summary>
    public IEnumerable<FieldDefinition> AllFields() =>
        Pages.SelectMany(p => p.Sections).SelectMany(s => s.Fields).SelectMany(f => f.SelfAndDescendants());

    /// <summary>The top-level fields that hold data, in document order.</summary>
    public IEnumerable<FieldDefinition> DataFields() =>
        Pages.SelectMany(p => p.Sections).SelectMany(s => s.Fields).Where(f => f.HasData);
}

public sealed record PageDefinition
{
    public required string Id { get; init; }
    public LocalizedText? Title { get; init; }
    public string? VisibleIf { get; init; }
    public required IReadOnlyList<SectionDefinition> Sections { get; init; }
}

public sealed record SectionDefinition
{
    public required string Id { get; init; }
    public LocalizedText? Title { get; init; }
    public LocalizedText? Description { get; init; }
    public string? VisibleIf { get; init; }
    public required IReadOnlyList<FieldDefinition> Fields { get; init; }
}
