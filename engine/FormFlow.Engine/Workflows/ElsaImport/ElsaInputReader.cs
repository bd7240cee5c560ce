using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.ElsaImport;

/// <summary>The activity whose inputs are being read, for error messages.</summary>
internal readonly record struct ElsaInputContext(JsonObject Activity, string Id, string Pointer);

/// <summary>
/// Reads Elsa activity inputs: <c>{"typeName": ..., "expression": {"type": "Literal"|"JavaScript"|"Object", "value": ...}}</c>.
/// Literals are converted to the JSON value of their .NET type; JavaScript stays source text.
/// </summary>
internal sealed class ElsaInputReader(List<ElsaImportError> errors)
{
    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>
    /// <paramref name="literalType"/> overrides the input's own typeName for literals: Elsa writes SetVariable
    /// values as "Object" and converts them to the variable's type when it runs.
    /// </summary>
    public ElsaValue? Optional(ElsaInputContext c, string input, ElsaValueType? literalType = null)
    {
        var node = c.Activity[input];
        return node is null ? null : Expression(node, c, input, $"{c.Pointer}/{input}", literalType);
    }

    public ElsaValue Required(ElsaInputContext c, string input, ElsaValueType? literalType = null)
    {
        var known = errors.Count;
        if (Optional(c, input, literalType) is { } value) return value;
        // Only say "missing" when reading the input did not already explain what is wrong with it.
        if (errors.Count == known) Error($"{c.Pointer}/{input}", $"activity '{c.Id}' is missing its '{input}' input", c.Id);
        return new ElsaLiteral(null);
    }

    /// <summary>An input FormFlow needs to know when it imports (an event name, script source): a literal string.</summary>
    public string LiteralText(ElsaInputContext c, string input)
    {
        var known = errors.Count;
        switch (Required(c, input))
        {
            case ElsaLiteral { Value: JsonValue v } when v.TryGetValue(out string? s) && s.Trim().Length > 0:
                return s;
            case ElsaScript:
                Error($"{c.Pointer}/{input}", $"activity '{c.Id}': input '{input}' must be a Literal, not a JavaScript expression", c.Id);
                break;
            case ElsaLiteral { Value: not null }:
                Error($"{c.Pointer}/{input}", $"activity '{c.Id}': input '{input}' must be text", c.Id);
                break;
            default:
                if (errors.Count == known) Error($"{c.Pointer}/{input}", $"activity '{c.Id}': input '{input}' is empty", c.Id);
                break;
        }
        return "";
    }

    /// <summary>An enum-valued input such as a join's <c>mode</c>; absent means <paramref name="fallback"/>.</summary>
    public string Keyword(ElsaInputContext c, string input, string fallback, params string[] allowed)
    {
        if (c.Activity[input] is null) return fallback;
        var text = LiteralText(c, input);
        var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        if (match is not null || text.Length == 0) return match ?? fallback;
        Error($"{c.Pointer}/{input}", $"activity '{c.Id}': {input} '{text}' is not supported (use {string.Join(" or ", allowed)})", c.Id);
        return fallback;
    }

    public TimeSpan Duration(ElsaInputContext c, string input)
    {
        var text = LiteralText(c, input);
        if (text.Length == 0) return TimeSpan.Zero;
        if (ElsaTypeNames.TryParseDuration(text, out var duration)) return duration;
        Error($"{c.Pointer}/{input}", $"activity '{c.Id}': '{text}' is not a TimeSpan such as 00:30:00 or 2.00:00:00", c.Id);
        return TimeSpan.Zero;
    }

    /// <summary>Fork branch names: "A,B" as text, or a list (Object expression or plain JSON array).</summary>
    public IReadOnlyList<string> Branches(ElsaInputContext c)
    {
        var names = Required(c, "branches") switch
        {
            ElsaLiteral { Value: JsonArray list } => list.Select(x => Text(x)?.Trim() ?? "").ToList(),
            ElsaLiteral { Value: JsonValue v } when v.TryGetValue(out string? s) => s.Split(',', StringSplitOptions.TrimEntries).ToList(),
            _ => null,
        };
        if (names is null || names.Count == 0 || names.Any(n => n.Length == 0) || names.Distinct().Count() != names.Count)
        {
            Error($"{c.Pointer}/branches", $"fork '{c.Id}' needs a literal list of distinct, non-empty branch names", c.Id);
            return [];
        }
        return names;
    }

    public IReadOnlyList<ElsaSwitchCase> SwitchCases(ElsaInputContext c)
    {
        var pointer = $"{c.Pointer}/cases";
        var node = c.Activity["cases"];
        // Cases are usually a plain list; some exports wrap the list in an Object expression.
        if (node is JsonObject wrapped && Expression(wrapped, c, "cases", pointer) is ElsaLiteral { Value: JsonArray inner }) node = inner;
        if (node is not JsonArray list || list.Count == 0)
        {
            Error(pointer, $"switch '{c.Id}' needs a list of cases, each with a label and a condition", c.Id);
            return [];
        }
        var cases = new List<ElsaSwitchCase>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{pointer}/{i}";
            var label = Text(list[i]?["label"]);
            if (string.IsNullOrWhiteSpace(label) || label == "Default" || cases.Any(x => x.Label == label))
            {
                Error($"{at}/label", $"switch '{c.Id}': every case needs a distinct label other than 'Default'", c.Id);
                continue;
            }
            var condition = list[i]?["condition"] is { } cond ? Expression(cond, c, $"case '{label}'", $"{at}/condition", ElsaValueType.Boolean) : null;
            if (condition is null)
            {
                Error($"{at}/condition", $"switch '{c.Id}': case '{label}' has no condition", c.Id);
                continue;
            }
            cases.Add(new ElsaSwitchCase(label, condition));
        }
        return cases;
    }

    /// <summary>
    /// Reads either a wrapped input (<c>{typeName, expression: {type, value}}</c>), a bare expression
    /// (<c>{type, value}</c>, as in switch cases) or a plain JSON value. Null when the input holds no expression.
    /// </summary>
    private ElsaValue? Expression(JsonNode node, ElsaInputContext c, string input, string pointer, ElsaValueType? literalType = null)
    {
        if (node is not JsonObject o) return new ElsaLiteral(node.DeepClone());
        var typeName = Text(o["typeName"]);
        var expression = o.ContainsKey("expression") ? o["expression"] as JsonObject : o;
        if (expression is null) return null;
        var kind = Text(expression["type"]);
        var value = expression["value"];
        var at = o.ContainsKey("expression") ? $"{pointer}/expression" : pointer;
        switch (kind)
        {
            case "Literal":
                var type = literalType is null or ElsaValueType.Any ? ElsaTypeNames.Classify(typeName) : literalType.Value;
                if (ElsaTypeNames.TryConvert(value, type, out var literal, out var reason))
                    return new ElsaLiteral(literal);
                Error($"{at}/value", $"activity '{c.Id}' input '{input}': {reason}", c.Id);
                return null;
            case "Object":
                if (value is JsonValue json && json.TryGetValue(out string? text))
                {
                    if (ElsaTypeNames.TryParseJson(text, out var parsed, out var why, requireArray: false)) return new ElsaLiteral(parsed);
                    Error($"{at}/value", $"activity '{c.Id}' input '{input}': Object expression is {why}", c.Id);
                    return null;
                }
                return new ElsaLiteral(value?.DeepClone());
            case "JavaScript":
                var source = Text(value);
                return string.IsNullOrWhiteSpace(source) ? null : new ElsaScript(source);
            case null:
                Error(at, $"activity '{c.Id}' input '{input}': the expression has no type", c.Id);
                return null;
            default:
                Error($"{at}/type", $"activity '{c.Id}' input '{input}': {kind} expressions are not supported (use Literal, JavaScript or Object)", c.Id);
                return null;
        }
    }

    private void Error(string pointer, string message, string id) => errors.Add(new ElsaImportError(pointer, message, [id]));
}
