using System.Text.Json.Nodes;

namespace FormFlow.Engine.Modules.Elements;

/// <summary>JSON Pointers (RFC 6901) relative to an element: `/label/zh-CN`, `/inputs/deadlineDays`.</summary>
public static class Pointer
{
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    public static string[] Segments(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToArray();

    /// <summary>The first segment: the element's own property the pointer falls under.</summary>
    public static string Property(string pointer) => Segments(pointer).FirstOrDefault() ?? "";

    /// <summary>True when one pointer equals the other or lies under it.</summary>
    public static bool Overlaps(string a, string b) => a == b || a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal);

    public static bool TryGet(JsonNode? node, string pointer, out JsonNode? value)
    {
        value = node;
        foreach (var segment in Segments(pointer))
        {
            switch (value)
            {
                case JsonObject obj when obj.TryGetPropertyValue(segment, out var child): value = child; break;
                case JsonArray array when int.TryParse(segment, out var i) && i >= 0 && i < array.Count: value = array[i]; break;
                default: value = null; return false;
            }
        }
        return true;
    }

    public static JsonNode? Get(JsonNode? node, string pointer) => TryGet(node, pointer, out var value) ? value : null;

    /// <summary>Writes a value, creating missing objects on the way; null when it worked, otherwise why not.</summary>
    public static string? Set(JsonObject root, string pointer, JsonNode? value)
    {
        var segments = Segments(pointer);
        JsonNode current = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var next = current switch
            {
                JsonObject obj => obj[segments[i]] ?? (obj[segments[i]] = new JsonObject()),
                JsonArray array when int.TryParse(segments[i], out var n) && n >= 0 && n < array.Count => array[n],
                _ => null,
            };
            if (next is null or JsonValue) return $"'{segments[i]}' in {pointer} is not an object or array";
            current = next;
        }
        var last = segments[^1];
        switch (current)
        {
            case JsonObject obj: obj[last] = value; return null;
            case JsonArray array when int.TryParse(last, out var n) && n >= 0 && n < array.Count: array[n] = value; return null;
            case JsonArray array when last == "-" || (int.TryParse(last, out var m) && m == array.Count): array.Add(value); return null;
            default: return $"{pointer} does not name a place in the element";
        }
    }
}
