using System.Text.Json.Nodes;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>What <see cref="FormRuntime.Process"/> decided: validity, errors, the normalized data and each field's state.</summary>
public sealed record FormResult(bool Valid, IReadOnlyList<FormError> Errors, JsonObject Data, IReadOnlyDictionary<string, FieldState> Fields);

/// <summary>
/// One error: the data path (JSON Pointer, "" for the whole form), the rule that failed (a JSON Schema keyword such as
/// "type" or "maxLength", "required", "requiredIf", "pattern", the id of a validate rule, or "visibleIf"/"calculate"/...
/// when a rule could not be evaluated) and a localized message.
/// </summary>
public sealed record FormError(string Path, string Rule, string Message);

/// <summary>A field's state after the rules ran, keyed by data path (rows of a group appear as /group/0/key).</summary>
public sealed record FieldState(bool Visible, bool Required, bool ReadOnly);

public enum FormMode
{
    /// <summary>Save what is filled in: no required errors, no minItems; everything present is still checked.</summary>
    Draft,
    /// <summary>Submit: every rule applies.</summary>
    Submit,
}

/// <summary>What a workflow step lets the user do with a field (per-step field permissions).</summary>
public enum FieldAccess
{
    /// <summary>Not shown; the client's value is ignored and the previous value kept.</summary>
    Hidden,
    /// <summary>Shown read-only; the client's value is ignored and the previous value kept.</summary>
    Read,
    /// <summary>Editable as the definition says.</summary>
    Edit,
    /// <summary>Editable and required in this step.</summary>
    Required,
}

/// <summary>How to process one submission.</summary>
public sealed record FormProcessOptions
{
    public FormMode Mode { get; init; } = FormMode.Submit;
    /// <summary>"zh-CN" (default), "zh-TW" or "en"; anything else falls back to zh-CN.</summary>
    public string Locale { get; init; } = "zh-CN";
    /// <summary>Per-step permissions by field id or key path ("name", "family/relation"); unlisted fields are Edit.</summary>
    public IReadOnlyDictionary<string, FieldAccess>? Permissions { get; init; }
    /// <summary>The stored data (e.g. the case's), the source of values the step may not change.</summary>
    public JsonObject? PreviousData { get; init; }
}

/// <summary>Hard limits on submitted data, checked before any rule runs, and on the rules' time, so that no payload can make processing slow.</summary>
public sealed record FormLimits
{
    public static FormLimits Default { get; } = new();
    /// <summary>Longest string accepted anywhere in a field value (the field's own maxLength is usually lower).</summary>
    public int MaxStringLength { get; init; } = 100_000;
    /// <summary>Most items in any array inside a field value (groups, multiChoice, files).</summary>
    public int MaxItems { get; init; } = 1_000;
    /// <summary>Deepest nesting inside one field value (a group row holding a file list is 4).</summary>
    public int MaxDepth { get; init; } = 8;
    /// <summary>
    /// Time all rules of one submission may take together (every pass, row and rule). Past it no rule runs and the
    /// submission fails naming the rule where the time ran out; one evaluation may overrun it by at most the
    /// expression engine's timeout.
    /// </summary>
    public TimeSpan RuleTime { get; init; } = TimeSpan.FromSeconds(2);
}
