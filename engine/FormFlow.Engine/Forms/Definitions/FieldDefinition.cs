using System.Text.Json.Nodes;

namespace FormFlow.Engine.Forms.Definitions;

/// <summary>One field. Which properties apply depends on <see cref="Type"/> (see <see cref="FieldTypes"/>).</summary>
public sealed record FieldDefinition
{
    public required string Id { get; init; }
    /// <summary>The data key; null only for display-only content.</summary>
    public string? Key { get; init; }
    public required string Type { get; init; }
    public LocalizedText? Label { get; init; }
    public LocalizedText? Help { get; init; }
    public LocalizedText? Placeholder { get; init; }
    public string? Pii { get; init; }

    public bool Required { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public string? Pattern { get; init; }
    public IReadOnlyList<ChoiceOption>? Options { get; init; }
    public string? Display { get; init; }
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }
    public bool Multiple { get; init; }
    public IReadOnlyList<string>? Accept { get; init; }
    public long? MaxSize { get; init; }
    public int? Scale { get; init; }
    public IReadOnlyList<FieldDefinition>? Fields { get; init; }
    public ContentBlock? Content { get; init; }
    /// <summary>Quiz only: the correct option value(s). Never part of the data contract.</summary>
    public JsonNode? Answer { get; init; }
    public decimal? Points { get; init; }

    public string? VisibleIf { get; init; }
    public string? RequiredIf { get; init; }
    public string? ReadOnlyIf { get; init; }
    public string? Calculate { get; init; }
    public IReadOnlyList<ValidationRule>? Validate { get; init; }

    public bool HasData => Type != FieldTypes.Content;
    public bool IsGroup => Type == FieldTypes.Group;

    /// <summary>True when the value is an array (group, multiChoice, multiple files, multiple-answer quiz).</summary>
    public bool IsList => Type is FieldTypes.Group or FieldTypes.MultiChoice
        || (Multiple && Type is FieldTypes.File or FieldTypes.Image or FieldTypes.Quiz);

    public IEnumerable<FieldDefinition> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Fields ?? [])
            foreach (var f in child.SelfAndDescendants()) yield return f;
    }
}

public sealed record ChoiceOption
{
    public required string Value { get; init; }
    public required LocalizedText Label { get; init; }
}

public sealed record ValidationRule
{
    public required string Id { get; init; }
    public required string Expression { get; init; }
    public required LocalizedText Message { get; init; }
}

/// <summary>What a display-only content field shows: rich text, an image, a video link.</summary>
public sealed record ContentBlock
{
    public LocalizedText? Html { get; init; }
    public string? ImageUrl { get; init; }
    public string? VideoUrl { get; init; }
}
