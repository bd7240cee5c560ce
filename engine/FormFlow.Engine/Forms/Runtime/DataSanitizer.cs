using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Schema;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>
/// First step of processing: keep only the keys the form defines (in document order), enforce
/// <see cref="FormLimits"/>, trim strings (an empty or null value counts as absent) and write money with two decimals.
/// Values of the wrong type are kept for the schema to report.
/// </summary>
internal sealed class DataSanitizer(IReadOnlyList<FieldDefinition> fields, FormLimits limits, string locale)
{
    public List<FormError> Errors { get; } = [];

    public JsonObject Sanitize(JsonObject data) => SanitizeObject(data, fields, "");

    private JsonObject SanitizeObject(JsonObject source, IReadOnlyList<FieldDefinition> definitions, string basePath)
    {
        var result = new JsonObject();
        foreach (var field in definitions)
        {
            if (!field.HasData || !source.TryGetPropertyValue(field.Key!, out var value) || value is null) continue;
            // The data path is built only when needed (an error, a group's rows): most values need none.
            if (!WithinLimits(value, basePath, field.Key!)) continue;
            var clean = SanitizeValue(field, value, basePath);
            if (clean is not null) result[field.Key!] = clean;
        }
        return result;
    }

    private JsonNode? SanitizeValue(FieldDefinition field, JsonNode value, string basePath)
    {
        if (value is JsonArray array && field.IsList)
        {
            var items = new JsonArray();
            for (var i = 0; i < array.Count; i++)
            {
                var item = array[i];
                items.Add(field.IsGroup && item is JsonObject row ? SanitizeObject(row, field.Fields ?? [], $"{basePath}/{field.Key}/{i}")
                    : item is JsonObject file && !field.IsGroup ? FileOnly(file)
                    : Trim(item));
            }
            return items;
        }
        if (value is JsonObject reference && field.Type is FieldTypes.File or FieldTypes.Image or FieldTypes.Signature && !field.Multiple)
            return FileOnly(reference);
        if (field.Type == FieldTypes.Money) return MoneyValue.Normalize(value, round: false);
        var trimmed = Trim(value);
        return trimmed is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0 ? null : trimmed;
    }

    /// <summary>File references keep only id, name, size and contentType.</summary>
    private static JsonObject FileOnly(JsonObject file)
    {
        var result = new JsonObject();
        foreach (var name in FileReference.Properties)
            if (file.TryGetPropertyValue(name, out var v) && v is not null) result[name] = Trim(v);
        return result;
    }

    private static JsonNode? Trim(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? JsonValue.Create(v.GetValue<string>().Trim())
        : value?.DeepClone();

    /// <summary>Walks the value without recursion; a value breaking a limit is dropped with an error.</summary>
    private bool WithinLimits(JsonNode value, string basePath, string key)
    {
        if (value is JsonValue scalar) return ScalarWithinLimits(scalar, inList: false, basePath, key);
        var pending = new Stack<(JsonNode Node, int Depth, bool InList)>();
        pending.Push((value, 1, false));
        while (pending.Count > 0)
        {
            var (node, depth, inList) = pending.Pop();
            if (depth > limits.MaxDepth) return Fail(basePath, key, "maxDepth", null);
            switch (node)
            {
                case JsonArray a when a.Count > limits.MaxItems:
                    return Fail(basePath, key, "maxItems", limits.MaxItems);
                case JsonArray a:
                    foreach (var item in a) if (item is not null) pending.Push((item, depth + 1, true));
                    break;
                case JsonObject o when o.Count > limits.MaxItems:
                    return Fail(basePath, key, "maxItems", limits.MaxItems);
                case JsonObject o:
                    foreach (var (_, item) in o) if (item is not null) pending.Push((item, depth + 1, false));
                    break;
                case JsonValue v when !ScalarWithinLimits(v, inList, basePath, key):
                    return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Strings up to the length limit; numbers that are finite doubles, and list items within decimal's range
    /// (±7.9e28), because JSON Schema's uniqueItems compares them as decimals in JsonSchema.Net and throws beyond it.
    /// </summary>
    private bool ScalarWithinLimits(JsonValue scalar, bool inList, string basePath, string key) => scalar.GetValueKind() switch
    {
        JsonValueKind.String => scalar.GetValue<string>().Length <= limits.MaxStringLength
            || Fail(basePath, key, "maxLength", limits.MaxStringLength),
        JsonValueKind.Number => (inList ? FitsDecimal(scalar) : IsFiniteDouble(scalar))
            || Fail(basePath, key, "numberRange", null),
        _ => true,
    };

    // Parsed data holds JsonElements; data built in code holds CLR numbers, read back through their JSON text.
    private static bool IsFiniteDouble(JsonValue number) =>
        (number.TryGetValue<JsonElement>(out var e) ? e.TryGetDouble(out var d)
            : double.TryParse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d))
        && double.IsFinite(d);

    private static bool FitsDecimal(JsonValue number) =>
        number.TryGetValue<JsonElement>(out var e) ? e.TryGetDecimal(out _)
            : decimal.TryParse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private bool Fail(string basePath, string key, string rule, int? limit)
    {
        Errors.Add(new FormError($"{basePath}/{key}", rule, FormMessages.Get(rule, locale, limit is null ? null : JsonValue.Create(limit.Value))));
        return false;
    }
}
