using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Server.Privacy;

namespace FormFlow.Server.Cases;

/// <summary>
/// Masks the values of fields the form marks as personal (<c>pii</c>: name, resident ID, phone, address ...) for
/// readers who are not the applicant, by the field's PII class (<see cref="Masks.ForClass"/>: 王小芳 → 王*芳,
/// 11010519491231002X → 1101**********002X, 13812345678 → 138****5678), so a cadre can tell cases apart without
/// reading the number.
/// </summary>
public static class PersonalData
{
    public static JsonObject Masked(JsonObject data, FormDefinition form, Func<string, bool>? keep = null)
    {
        var copy = (JsonObject)data.DeepClone();
        foreach (var field in form.DataFields())
        {
            if (field.Key is not { } key || !copy.ContainsKey(key) || keep?.Invoke(key) == true) continue;
            if (field.Pii is { } pii) copy[key] = MaskValue(pii, copy[key]);
            else if (copy[key] is JsonArray rows && field.Fields is { } children)
                foreach (var row in rows.OfType<JsonObject>())
                    foreach (var child in children.Where(c => c.Pii is not null && c.Key is not null && row.ContainsKey(c.Key!)))
                        row[child.Key!] = MaskValue(child.Pii!, row[child.Key!]);
        }
        return copy;
    }

    private static JsonNode? MaskValue(string piiClass, JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => Masks.ForClass(piiClass, s),
        _ => "***",
    };
}
