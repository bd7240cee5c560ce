using System.Text.Json.Nodes;

namespace FormFlow.Engine.Forms.Loading;

/// <summary>Resolving JSON Pointers in a raw definition, to name the element a problem belongs to.</summary>
internal static class DefinitionPaths
{
    public static JsonNode? At(JsonNode? root, string pointer)
    {
        var node = root;
        foreach (var segment in Segments(pointer))
        {
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>The id of the innermost page, section, field or rule that contains the pointer (null for the form level).</summary>
    public static string? ElementIdAt(JsonNode? root, string pointer)
    {
        var segments = Segments(pointer).ToList();
        for (var n = segments.Count; n > 0; n--)
        {
            var candidate = At(root, "/" + string.Join('/', segments.Take(n).Select(Escape)));
            if (candidate is JsonObject o && n >= 2 && o["id"] is JsonValue id && id.TryGetValue<string>(out var text))
                return text;
        }
        return null;
    }

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~"));

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
