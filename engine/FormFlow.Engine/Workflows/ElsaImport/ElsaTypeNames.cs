using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.ElsaImport;

/// <summary>
/// .NET type names as Elsa writes them in <c>typeName</c> ("Int32", "System.Int32",
/// "System.Int32, System.Private.CoreLib", "String[]") and how their literal text becomes a JSON value.
/// </summary>
internal static class ElsaTypeNames
{
    private static readonly Dictionary<string, ElsaValueType> Simple = new(StringComparer.OrdinalIgnoreCase)
    {
        ["String"] = ElsaValueType.String, ["Char"] = ElsaValueType.String, ["Guid"] = ElsaValueType.String,
        ["Byte"] = ElsaValueType.Integer, ["SByte"] = ElsaValueType.Integer, ["Int16"] = ElsaValueType.Integer,
        ["UInt16"] = ElsaValueType.Integer, ["Int32"] = ElsaValueType.Integer, ["UInt32"] = ElsaValueType.Integer,
        ["Int64"] = ElsaValueType.Integer, ["UInt64"] = ElsaValueType.Integer,
        ["Single"] = ElsaValueType.Number, ["Double"] = ElsaValueType.Number, ["Decimal"] = ElsaValueType.Number,
        ["Boolean"] = ElsaValueType.Boolean,
        ["DateTime"] = ElsaValueType.DateTime, ["DateTimeOffset"] = ElsaValueType.DateTime, ["DateOnly"] = ElsaValueType.DateTime,
        ["TimeSpan"] = ElsaValueType.Duration,
    };

    /// <summary>Maps a type name to a value type; anything unknown (Object, ExpandoObject, custom classes) is Any.</summary>
    public static ElsaValueType Classify(string? typeName, bool isArray = false)
    {
        if (isArray) return ElsaValueType.Array;
        var name = ShortName(typeName);
        if (name.EndsWith("[]", StringComparison.Ordinal) || name.StartsWith("List`", StringComparison.Ordinal)
            || name.StartsWith("IEnumerable`", StringComparison.Ordinal) || name is "JsonArray")
            return ElsaValueType.Array;
        return Simple.TryGetValue(name, out var type) ? type : ElsaValueType.Any;
    }

    /// <summary>"System.Int32, System.Private.CoreLib" → "Int32": drops the assembly and the namespace.</summary>
    public static string ShortName(string? typeName)
    {
        if (string.IsNullOrWhiteSpace(typeName)) return "Object";
        var name = typeName.Trim();
        var depth = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '[') depth++;
            else if (name[i] == ']') depth--;
            else if (name[i] == ',' && depth == 0) { name = name[..i]; break; }
        }
        var genericStart = name.IndexOf('`');
        var head = genericStart < 0 ? name : name[..genericStart];
        var lastDot = head.LastIndexOf('.');
        return lastDot < 0 ? name : name[(lastDot + 1)..];
    }

    /// <summary>
    /// Turns a literal as written in the file (usually a string, sometimes already a JSON value) into the JSON
    /// value of the declared type. Returns false with a reason when the text does not fit the type.
    /// </summary>
    public static bool TryConvert(JsonNode? raw, ElsaValueType type, out JsonNode? value, out string reason)
    {
        value = null;
        reason = "";
        if (raw is null) return true;
        if (raw is not JsonValue scalar || !scalar.TryGetValue(out string? text))
        {
            // Already structured JSON (an Object expression or a typed export): take it as it is.
            value = raw.DeepClone();
            return true;
        }
        switch (type)
        {
            case ElsaValueType.String:
                value = JsonValue.Create(text);
                return true;
            case ElsaValueType.Integer:
                if (text.Trim().Length == 0) return true;
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)) { value = JsonValue.Create(whole); return true; }
                reason = $"'{text}' is not a whole number";
                return false;
            case ElsaValueType.Number:
                if (text.Trim().Length == 0) return true;
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) { value = JsonValue.Create(number); return true; }
                reason = $"'{text}' is not a number";
                return false;
            case ElsaValueType.Boolean:
                if (text.Trim().Length == 0) return true;
                if (bool.TryParse(text, out var flag)) { value = JsonValue.Create(flag); return true; }
                reason = $"'{text}' is not true or false";
                return false;
            case ElsaValueType.DateTime:
                if (text.Trim().Length == 0) return true;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)) { value = JsonValue.Create(text); return true; }
                reason = $"'{text}' is not a date";
                return false;
            case ElsaValueType.Duration:
                if (TryParseDuration(text, out _)) { value = JsonValue.Create(text); return true; }
                reason = $"'{text}' is not a TimeSpan such as 00:30:00 or 2.00:00:00";
                return false;
            case ElsaValueType.Array:
                return TryParseJson(text, out value, out reason, requireArray: true);
            default:
                // Object-typed literals: JSON text stays structured, anything else is plain text.
                var trimmed = text.TrimStart();
                if (trimmed.StartsWith('{') || trimmed.StartsWith('[')) return TryParseJson(text, out value, out reason, requireArray: false);
                value = JsonValue.Create(text);
                return true;
        }
    }

    public static bool TryParseDuration(string text, out TimeSpan duration) =>
        TimeSpan.TryParseExact(text.Trim(), "c", CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;

    public static bool TryParseJson(string text, out JsonNode? value, out string reason, bool requireArray)
    {
        value = null;
        reason = "";
        if (text.Trim().Length == 0) return true;
        try
        {
            value = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            reason = $"not valid JSON ({ex.Message})";
            return false;
        }
        if (requireArray && value is not JsonArray)
        {
            reason = "expected a JSON array";
            return false;
        }
        return true;
    }
}
