using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>What a literal input must hold; any input may instead be an expression, checked when it runs.</summary>
public enum InputKind { Any, String, Number, Integer, Boolean, Object, Array, Script }

/// <summary>Where the designer's palette groups an activity type.</summary>
public enum ActivityCategory { Flow, People, Data, Wait, Integration, Union }

public sealed record InputDescriptor(string Name, InputKind Kind, bool Required = false, string? Description = null)
{
    /// <summary>Script inputs hold JavaScript statements and must be literal strings.</summary>
    public bool LiteralOnly => Kind == InputKind.Script;

    /// <summary>
    /// The value a new activity of this type starts with (none when null), chosen so that it validates once
    /// connected; the designer fills it in when an activity is dropped on the canvas.
    /// </summary>
    public JsonNode? Default { get; init; }
}

/// <summary>An activity type's name as people read it, in every locale the designer offers.</summary>
public sealed record ActivityLabel(
    [property: JsonPropertyName("zh-CN")] string ZhCn,
    [property: JsonPropertyName("zh-TW")] string ZhTw,
    [property: JsonPropertyName("en")] string En);

/// <summary>
/// An activity type as the designer palette and the validator see it: its inputs and its outcome ports
/// (<see cref="Outcomes"/> are the fixed ones; userTask and switch add ports named in their inputs).
/// The Studio builds its palette and property panels from these (GET /api/activities), so texts live here only.
/// </summary>
public sealed record ActivityDescriptor(
    string Type,
    string Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes)
{
    public static readonly IReadOnlyList<string> Done = ["done"];

    public required ActivityCategory Category { get; init; }

    public required ActivityLabel Label { get; init; }

    /// <summary>
    /// A service only some hosts give the runner (<c>http</c>: <see cref="Runtime.WorkflowRunnerOptions.Http"/>,
    /// <c>subModules</c>: <see cref="Runtime.WorkflowRunnerOptions.SubWorkflows"/>); null when every host runs it.
    /// The FormFlow server gives neither, so a module (what the server runs) may not use such an activity
    /// (<see cref="Modules.Resolution.ModuleSoundness"/>) and the Studio's palette does not offer it.
    /// </summary>
    public string? NeedsHost { get; init; }
}
