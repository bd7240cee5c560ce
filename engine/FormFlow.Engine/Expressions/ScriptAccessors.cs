namespace FormFlow.Engine.Expressions;

/// <summary>
/// The Elsa 3 RunJavaScript style accessors a script gets for its <c>variables</c> scope object:
/// <c>getVariable(name)</c>, <c>setVariable(name, value)</c>, and <c>getX()</c>/<c>setX(value)</c> for each key X.
/// </summary>
internal static class ScriptAccessors
{
    public const string GetVariable = "getVariable";
    public const string SetVariable = "setVariable";
    public const string VariablesScopeName = "variables";

    /// <summary>Names always provided to scripts.</summary>
    public static bool IsReserved(string name) => name is GetVariable or SetVariable;

    /// <summary>Could be <c>getX</c>/<c>setX</c> for some key X; whether it is depends on the keys of <c>variables</c>.</summary>
    public static bool IsCandidate(string name) =>
        name.Length > 3 && (name.StartsWith("get", StringComparison.Ordinal) || name.StartsWith("set", StringComparison.Ordinal))
        && !char.IsLower(name[3]);

    public static string Getter(string key) => "get" + UpperFirst(key);

    public static string Setter(string key) => "set" + UpperFirst(key);

    private static string UpperFirst(string key) =>
        key.Length == 0 || !char.IsLower(key[0]) ? key : char.ToUpperInvariant(key[0]) + key[1..];
}
