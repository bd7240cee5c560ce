using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormFlow.Engine.Forms.Formats;
using Json.Schema;

namespace FormFlow.Engine.Forms.Schema;

/// <summary>
/// A validator compiled from exactly the keywords <see cref="FormSchemaCompiler"/> emits, answering only "is this
/// data certainly valid?" in a few microseconds, where a JsonSchema.Net evaluation of a 40-field form takes a hundred
/// or more. It never accepts what JsonSchema.Net rejects: wherever the two could read a value differently (an integer
/// written as 1.0, a number with an exponent, a non-string enum) it says "not certain" and the caller asks
/// JsonSchema.Net, which also produces the detailed errors. A schema using any other keyword does not compile (null).
/// </summary>
internal sealed class SchemaFastPath
{
    // decimal's 96-bit mantissa holds every number of 28 significant digits (and some of 29).
    private const int MaxExactDigits = 28;

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "$schema", "$id", "title", "description", "readOnly" };

    private readonly string _type;
    private readonly int? _minLength, _maxLength, _minItems, _maxItems;
    private readonly decimal? _minimum, _maximum, _multipleOf;
    private readonly Format? _format;
    private readonly bool _builtInDate;
    private readonly Func<string?, bool>? _stringFormat;
    private readonly Regex? _pattern;
    private readonly HashSet<string>? _enum;
    private readonly SchemaFastPath? _items;
    private readonly bool _uniqueItems;
    private readonly Dictionary<string, SchemaFastPath>? _properties;
    private readonly string[] _required = [];

    private SchemaFastPath(string type, JsonObject schema, FormatRegistry formats)
    {
        _type = type;
        foreach (var (keyword, value) in schema)
        {
            switch (keyword)
            {
                case "type": break;
                case "minLength": _minLength = Count(value); break;
                case "maxLength": _maxLength = Count(value); break;
                case "minItems": _minItems = Count(value); break;
                case "maxItems": _maxItems = Count(value); break;
                case "minimum": _minimum = Number(value); break;
                case "maximum": _maximum = Number(value); break;
                case "multipleOf": _multipleOf = Number(value) is > 0 and var m ? m : throw new Unsupported(); break;
                case "format":
                    _format = FormatOf(value, formats);
                    _builtInDate = ReferenceEquals(_format, Json.Schema.Formats.Date);
                    _stringFormat = MainlandFormats.StringCheckOf(_format);
                    break;
                // The contract's patterns are ECMAScript regular expressions, as JsonSchema.Net reads them.
                case "pattern": _pattern = new Regex(Text(value), RegexOptions.ECMAScript); break;
                case "enum": _enum = Strings(value); break;
                case "uniqueItems": _uniqueItems = value is JsonValue u && u.GetValueKind() == JsonValueKind.True; break;
                case "items": _items = Compile(value as JsonObject ?? throw new Unsupported(), formats); break;
                case "properties":
                    _properties = new(StringComparer.Ordinal);
                    foreach (var (name, property) in value as JsonObject ?? throw new Unsupported())
                        _properties[name] = Compile(property as JsonObject ?? throw new Unsupported(), formats);
                    break;
                case "required": _required = [.. Strings(value)]; break;
                // Only closed objects are emitted; an open one would need the other keywords' applicability rules.
                case "additionalProperties" when value is JsonValue a && a.GetValueKind() == JsonValueKind.False: break;
                case var other when Annotations.Contains(other): break;
                default: throw new Unsupported();
            }
        }
        if (_type == "object" && _properties is null) throw new Unsupported();
    }

    /// <summary>The fast path for a schema FormSchemaCompiler produced, or null when it uses anything else.</summary>
    public static SchemaFastPath? TryCompile(JsonObject schema, FormatRegistry formats)
    {
        try
        {
            return Compile(schema, formats);
        }
        catch (Exception ex) when (ex is Unsupported or ArgumentException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static SchemaFastPath Compile(JsonObject schema, FormatRegistry formats)
    {
        // Every node names one type, so a value of another type already fails and no keyword's applicability matters.
        var type = schema["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : throw new Unsupported();
        return type is "string" or "number" or "integer" or "boolean" or "array" or "object"
            ? new SchemaFastPath(type, schema, formats) : throw new Unsupported();
    }

    /// <summary>
    /// True only when the value is certainly valid; false means "ask JsonSchema.Net". It reads the nodes as
    /// JsonSchema.Net reads their serialized text (numbers by their JSON text), without serializing the whole data.
    /// </summary>
    public bool IsCertainlyValid(JsonNode? value) => _type switch
    {
        _ when value is null => false, // JSON null: no node of the compiled schemas allows it
        "string" => value is JsonValue s && s.GetValueKind() == JsonValueKind.String && StringOk(s.GetValue<string>()),
        "number" => value is JsonValue n && n.GetValueKind() == JsonValueKind.Number && Finite(n) && NumberOk(n),
        "integer" => value is JsonValue i && i.GetValueKind() == JsonValueKind.Number && Finite(i) && IntegerOk(i),
        "boolean" => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "array" => value is JsonArray a && ArrayOk(a),
        _ => value is JsonObject o && ObjectOk(o),
    };

    private bool StringOk(string text)
    {
        // Lengths count user-perceived characters (grapheme clusters), as JsonSchema.Net does; never more than UTF-16 units.
        if (_maxLength is { } max && text.Length > max && new StringInfo(text).LengthInTextElements > max) return false;
        if (_minLength is { } min && (text.Length < min || new StringInfo(text).LengthInTextElements < min)) return false;
        if (_enum is not null && !_enum.Contains(text)) return false;
        if (_pattern is not null && !_pattern.IsMatch(text)) return false;
        if (_format is null) return true;
        if (_stringFormat is not null) return _stringFormat(text);
        return _builtInDate && IsPlainDate(text) || _format.Validate(JsonSerializer.SerializeToElement(text), out _);
    }

    /// <summary>
    /// A real calendar day written yyyy-MM-dd in ASCII digits, which JsonSchema.Net's "date" format always accepts
    /// (a test sweeps the calendar) at a fraction of its cost; anything else goes to the format itself.
    /// </summary>
    private static bool IsPlainDate(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-'
        && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
        && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6]) && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9])
        && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>A CLR NaN or infinity has no JSON text; serializing it fails, as it did before this path existed.</summary>
    private static bool Finite(JsonValue value) =>
        !(value.TryGetValue<double>(out var d) && !double.IsFinite(d)) && !(value.TryGetValue<float>(out var f) && !float.IsFinite(f));

    // Only plain whole numbers are certain; 1.0 or 1e2 are left to JsonSchema.Net.
    private bool IntegerOk(JsonValue value) =>
        long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) && NumberOk(value);

    private bool NumberOk(JsonValue value)
    {
        if (_minimum is null && _maximum is null && _multipleOf is null) return true;
        // The JSON text, as serialized: exponents and values beyond decimal are where double and decimal readings part.
        var text = value.ToJsonString();
        if (!TryParseExactly(text, out var number)) return false;
        return (_minimum is not { } min || number >= min) && (_maximum is not { } max || number <= max)
            && (_multipleOf is not { } step || number % step == 0);
    }

    /// <summary>
    /// The JSON number text as a decimal, only where decimal holds it exactly. decimal.Parse rounds past 28
    /// significant digits, so 100.000000000000000000000000001 would pass a maximum of 100 that JsonSchema.Net
    /// enforces; such a number (and one with an exponent) is left to JsonSchema.Net. Counting the fraction's leading
    /// zeros as digits errs on the side of asking.
    /// </summary>
    private static bool TryParseExactly(string text, out decimal number)
    {
        number = 0;
        var digits = text.AsSpan().TrimStart('-');
        var point = digits.IndexOf('.');
        var whole = (point < 0 ? digits : digits[..point]).TrimStart('0');
        var fraction = point < 0 ? [] : digits[(point + 1)..].TrimEnd('0');
        return whole.Length + fraction.Length <= MaxExactDigits && digits.IndexOfAny('e', 'E') < 0
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private bool ArrayOk(JsonArray value)
    {
        if (value.Count < (_minItems ?? 0) || value.Count > (_maxItems ?? int.MaxValue)) return false;
        HashSet<string>? seen = _uniqueItems ? new(StringComparer.Ordinal) : null;
        foreach (var item in value)
        {
            if (_items is not null && !_items.IsCertainlyValid(item)) return false;
            // Equal strings are equal in every reading; other item types are left to JsonSchema.Net.
            if (seen is not null && (item is not JsonValue s || s.GetValueKind() != JsonValueKind.String || !seen.Add(s.GetValue<string>())))
                return false;
        }
        return true;
    }

    private bool ObjectOk(JsonObject value)
    {
        foreach (var name in _required)
            if (!value.ContainsKey(name)) return false;
        foreach (var (name, property) in value)
            if (!_properties!.TryGetValue(name, out var schema) || !schema.IsCertainlyValid(property)) return false;
        return true;
    }

    private static int Count(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<int>(out var n) && n >= 0 ? n
        : value is JsonValue d && d.TryGetValue<decimal>(out var m) && m >= 0 && m == decimal.Truncate(m) && m <= int.MaxValue ? (int)m
        : throw new Unsupported();

    private static decimal Number(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) : throw new Unsupported();

    private static string Text(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw new Unsupported();

    private static HashSet<string> Strings(JsonNode? value) =>
        value is JsonArray array ? array.Select(Text).ToHashSet(StringComparer.Ordinal) : throw new Unsupported();

    /// <summary>The same format object the evaluation would use; a format the registry does not know is not compiled.</summary>
    private static Format FormatOf(JsonNode? value, FormatRegistry formats)
    {
        var format = formats.Get(Text(value));
        return format is null or UnknownFormat ? throw new Unsupported() : format;
    }

    private sealed class Unsupported : Exception;
}
