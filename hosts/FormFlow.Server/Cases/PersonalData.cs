using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Server.Cases;

/// <summary>
/// Masks the values of fields the form marks as personal (<c>pii</c>: name, resident ID, phone, address ...) for
/// readers who are not the applicant: a quarter of the characters stay at each end (王芳 → 王*,
/// 11010519491231002X → 1101**********002X), so a cadre can tell cases apart without reading the number.
/// </summary>
public static class PersonalData
{
    public static JsonObject Masked(JsonObject data, FormDefinition form, Func<string, bool>? keep = null)
    {
        var copy = (JsonObject)data.DeepClone();
        foreach (var field in form.DataFields())
        {
            if (field.Key is not { } key || !copy.ContainsKey(key) || keep?.Invoke(key) == true) continue;
            if (field.Pii is not null) copy[key] = MaskValue(copy[key]);
            else if (copy[key] is JsonArray rows && field.Fields is { } children)
                foreach (var row in rows.OfType<JsonObject>())
                    foreach (var child in children.Where(c => c.Pii is not null && c.Key is not null && row.ContainsKey(c.Key!)))
                        row[child.Key!] = MaskValue(row[child.Key!]);
        }
        return copy;
    }

    private static JsonNode? MaskValue(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => Mask(s),
        JsonObject or JsonArray => "***",
        _ => "***",
    };

    public static string Mask(string text)
    {
        if (text.Length <= 1) return "*";
        var front = Math.Max(1, text.Length / 4);
        var back = text.Length <= 3 ? 0 : text.Length / 4;
        return text[..front] + new string('*', text.Length - front - back) + text[(text.Length - back)..];
    }
}
