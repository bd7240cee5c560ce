namespace FormFlow.Engine.Forms.Definitions;

/// <summary>The field type names and which definition properties apply to each.</summary>
public static class FieldTypes
{
    public const string Text = "text", Textarea = "textarea", Number = "number", Money = "money", Date = "date",
        DateTime = "datetime", Boolean = "boolean", Choice = "choice", MultiChoice = "multiChoice", Region = "region",
        Org = "org", Mobile = "mobile", ResidentId = "residentId", Email = "email", File = "file", Image = "image",
        Signature = "signature", Rating = "rating", Group = "group", Content = "content", Quiz = "quiz";

    private static readonly string[] Common = ["id", "key", "type", "label", "help", "placeholder", "pii", "required",
        "visibleIf", "requiredIf", "readOnlyIf", "calculate", "validate"];

    private static readonly string[] Strings = [.. Common, "minLength", "maxLength", "pattern"];
    private static readonly string[] FileLike = [.. Common, "multiple", "minItems", "maxItems", "accept", "maxSize"];

    /// <summary>Definition properties that mean something for each type; any other property is a definition error.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Properties = new Dictionary<string, string[]>
    {
        [Text] = Strings,
        [Textarea] = Strings,
        [Number] = [.. Common, "min", "max"],
        [Money] = [.. Common, "min", "max"],
        [Date] = Common,
        [DateTime] = Common,
        [Boolean] = Common,
        [Choice] = [.. Common, "options", "display"],
        [MultiChoice] = [.. Common, "options", "display", "minItems", "maxItems"],
        [Region] = Common,
        [Org] = Common,
        [Mobile] = Common,
        [ResidentId] = Common,
        [Email] = [.. Common, "maxLength"],
        [File] = FileLike,
        [Image] = FileLike,
        [Signature] = [.. Common, "accept", "maxSize"],
        [Rating] = [.. Common, "scale"],
        [Group] = ["id", "key", "type", "label", "help", "required", "visibleIf", "requiredIf", "readOnlyIf", "validate",
            "minItems", "maxItems", "fields"],
        [Content] = ["id", "type", "label", "visibleIf", "content"],
        [Quiz] = ["id", "key", "type", "label", "help", "required", "visibleIf", "requiredIf", "readOnlyIf", "validate",
            "options", "display", "multiple", "answer", "points"],
    }.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<string>)kv.Value.ToHashSet(StringComparer.Ordinal));
}
