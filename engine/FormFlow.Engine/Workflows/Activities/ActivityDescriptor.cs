namespace FormFlow.Engine.Workflows.Activities;

/// <summary>What a literal input must hold; any input may instead be an expression, checked when it runs.</summary>
public enum InputKind { Any, String, Number, Integer, Boolean, Object, Array, Script }

public sealed record InputDescriptor(string Name, InputKind Kind, bool Required = false, string? Description = null)
{
    /// <summary>Script inputs hold JavaScript statements and must be literal strings.</summary>
    public bool LiteralOnly => Kind == InputKind.Script;
}

/// <summary>
/// An activity type as the designer palette and the validator see it: its inputs and its outcome ports
/// (<see cref="Outcomes"/> are the fixed ones; userTask and switch add ports named in their inputs).
/// </summary>
public sealed record ActivityDescriptor(
    string Type,
    string Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes)
{
    public static readonly IReadOnlyList<string> Done = ["done"];
}
