using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormFlow.Tests.Forms.Fuzzing;

/// <summary>
/// Random data shaped by a compiled data-contract schema, aimed at the edges where two validators can read a value
/// differently: numbers written with more digits than decimal holds next to minimum, maximum and multipleOf;
/// strings whose length differs in UTF-16 units, code points and grapheme clusters next to minLength and maxLength;
/// near-misses of enum values; arrays at minItems and maxItems with duplicates; and now and then a value of the
/// wrong type. Numbers are parsed from their JSON text, so the exact digits reach both validators.
/// </summary>
internal sealed class SchemaValueFuzzer(Random random)
{
    // Pieces of text: ASCII, CJK, an emoji (a surrogate pair), a combining sequence, a ZWJ family, a full-width digit.
    private static readonly string[] TextPieces = ["a", "Z", "7", " ", "字", "張", "😀", "e\u0301", "👨\u200d👩\u200d👧", "７", "\u00a0", "-", "@", "."];

    private static readonly string[] Formatted =
    [
        "2025-01-31", "2025-02-29", "2024-02-29", "2025-1-31", "２０２５-01-31", "2025-01-31T09:00:00+08:00", "2025-01-31T09:00:00",
        "13800138000", "12800138000", "1380013800", "+8613800138000", "11010519491231002X", "11010519491231002x",
        "110105194912310021", "110105", "990105", "zs@example.com", "zs@例子.中国", "zs@", "a@b.c", "",
    ];

    /// <summary>Valid data with one to three members replaced (inside a group row now and then); or, one time in four, all new data.</summary>
    public JsonObject Mutate(JsonObject schema, JsonObject valid)
    {
        if (random.Next(4) == 0) return Object(schema);
        var data = (JsonObject)valid.DeepClone();
        var properties = (JsonObject)schema["properties"]!;
        // A form of content only (the training and contest templates' information pages) has no member to replace.
        for (var edits = properties.Count == 0 ? 0 : random.Next(1, 4); edits > 0; edits--)
        {
            var (name, property) = properties.ElementAt(random.Next(properties.Count));
            if (data[name] is JsonArray { Count: > 0 } rows && rows[random.Next(rows.Count)] is JsonObject row
                && property!["items"] is JsonObject { } rowSchema && rowSchema["properties"] is JsonObject && random.Next(2) == 0)
                ReplaceMember(row, rowSchema);
            else data[name] = Value((JsonObject)property!);
        }
        return data;
    }

    public JsonObject Object(JsonObject schema)
    {
        var result = new JsonObject();
        var required = (schema["required"] as JsonArray)?.Select(n => (string)n!).ToHashSet() ?? [];
        foreach (var (name, property) in (JsonObject)schema["properties"]!)
            if (required.Contains(name) ? random.Next(20) > 0 : random.Next(3) > 0)
                result[name] = Value((JsonObject)property!);
        if (random.Next(40) == 0) result["unknown"] = 1;
        return result;
    }

    public JsonNode? Value(JsonObject schema)
    {
        if (random.Next(15) == 0) return WrongType();
        return (string?)schema["type"] switch
        {
            "number" => Number(schema, integer: false),
            "integer" => Number(schema, integer: true),
            "string" => Text(schema),
            "boolean" => random.Next(2) == 0,
            "array" => Array(schema),
            "object" => Object(schema),
            _ => null,
        };
    }

    private JsonNode? WrongType() => random.Next(6) switch
    {
        0 => null,
        1 => "1",
        2 => true,
        3 => new JsonArray(),
        4 => new JsonObject(),
        _ => JsonNode.Parse("1"),
    };

    /// <summary>A number next to one of the schema's bounds (or a step of multipleOf), often with 28+ digits.</summary>
    private JsonNode Number(JsonObject schema, bool integer)
    {
        var anchors = new List<decimal> { 0, random.Next(-1000, 100_000) };
        foreach (var keyword in new[] { "minimum", "maximum" })
            if (schema[keyword] is JsonValue bound) anchors.Add(DecimalOf(bound));
        if (schema["multipleOf"] is JsonValue step) anchors.Add(DecimalOf(step) * random.Next(-1000, 100_000));
        var anchor = anchors[random.Next(anchors.Count)];
        var text = anchor.ToString(CultureInfo.InvariantCulture);
        var written = random.Next(integer ? 10 : 8) switch
        {
            0 => text + (text.Contains('.') ? "" : ".") + new string('0', random.Next(0, 36)) + Digit(1),
            1 => Below(anchor),
            2 => text + (text.Contains('.') ? "" : ".") + Digits(random.Next(20, 40)),
            3 => "-" + text.TrimStart('-'),
            4 => text + (text.Contains('.') ? "0" : random.Next(2) == 0 ? ".0" : "e0"),
            5 => Digit(1) + Digits(random.Next(25, 40)),
            _ => text,
        };
        try
        {
            return JsonNode.Parse(written)!;
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"the fuzzer wrote an invalid number '{written}'", ex);
        }
    }

    private static decimal DecimalOf(JsonValue value) =>
        decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Just below the anchor by less than decimal can hold: 99.999... for 100.</summary>
    private string Below(decimal anchor)
    {
        var whole = decimal.Floor(anchor) == anchor ? anchor - 1 : decimal.Floor(anchor);
        return whole.ToString("0", CultureInfo.InvariantCulture) + "." + new string('9', random.Next(25, 40));
    }

    private string Digit(int from) => ((char)('0' + random.Next(from, 10))).ToString();

    private string Digits(int count)
    {
        var digits = new StringBuilder(count);
        for (var i = 0; i < count; i++) digits.Append(Digit(0));
        return digits.ToString();
    }

    private JsonNode Text(JsonObject schema)
    {
        if (schema["enum"] is JsonArray options && options.Count > 0 && random.Next(3) > 0)
        {
            var option = (string)options[random.Next(options.Count)]!;
            return random.Next(4) switch
            {
                0 => option + " ",
                1 => option.ToUpperInvariant(),
                2 => option.Normalize(NormalizationForm.FormD) + "\u0301",
                _ => option,
            };
        }
        if (schema["format"] is not null && random.Next(3) > 0) return Formatted[random.Next(Formatted.Length)];
        // A length near a bound, counted in pieces (each one grapheme cluster, one to eight UTF-16 units).
        var bound = (int?)schema[random.Next(2) == 0 ? "minLength" : "maxLength"] ?? random.Next(0, 12);
        var count = Math.Max(0, bound + random.Next(-2, 3));
        var text = new StringBuilder();
        for (var i = 0; i < count; i++) text.Append(TextPieces[random.Next(TextPieces.Length)]);
        return text.ToString();
    }

    private JsonNode Array(JsonObject schema)
    {
        var bound = (int?)schema[random.Next(2) == 0 ? "minItems" : "maxItems"] ?? random.Next(0, 4);
        var count = Math.Clamp(bound + random.Next(-1, 2), 0, 12);
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var repeat = items.Count > 0 && random.Next(6) == 0;
            items.Add(repeat ? items[random.Next(items.Count)]?.DeepClone() : schema["items"] is JsonObject item ? Value(item) : WrongType());
        }
        return items;
    }

    private void ReplaceMember(JsonObject row, JsonObject rowSchema)
    {
        var (name, property) = ((JsonObject)rowSchema["properties"]!).ElementAt(random.Next(((JsonObject)rowSchema["properties"]!).Count));
        row[name] = Value((JsonObject)property!);
    }

    /// <summary>The data as JSON text: what a failure prints so that it can be pasted into a test.</summary>
    public static string Print(JsonNode? data) => data?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
}
