using System.Text.Json.Nodes;

namespace FormFlow.Engine.Expressions;

/// <summary>
/// What a script left behind: the value of its top-level <c>return</c> (null without one) and every scope value as
/// the script left it (for example <c>variables</c> after <c>variables.total = 3</c> or <c>setTotal(3)</c>).
/// </summary>
public sealed record ScriptResult(JsonNode? ReturnValue, IReadOnlyDictionary<string, JsonNode?> Scope);
