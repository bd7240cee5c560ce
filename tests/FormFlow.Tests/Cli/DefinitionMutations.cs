using System.Text;
using System.Text.Json.Nodes;

namespace FormFlow.Tests.Cli;

/// <summary>
/// Seeded mutations of a shipped definition file, one per call: a value replaced by a hostile one (a lone surrogate,
/// a huge or over-precise number, a deep nest, the wrong type), a property removed or renamed, an array element
/// duplicated (duplicate IDs), or the text cut off or corrupted. The same seed gives the same mutations.
/// </summary>
internal sealed class DefinitionMutations(Random random)
{
    private static readonly Func<JsonNode?>[] HostileValues =
    [
        () => null, () => 0, () => -1, () => 1e308, () => JsonNode.Parse("100.0000000000000000000000000000001"), () => "",
        () => new string('x', 5000), () => LoneSurrogate, () => "${constructor}", () => "data['constr'+'uctor']", () => new JsonArray(),
        () => new JsonObject(), () => true, () => JsonNode.Parse(new string('[', 60) + new string(']', 60)), () => "while(true){}",
    ];

    private const string LoneSurrogate = "__lone surrogate__";

    /// <summary>The file's text with one mutation applied, and what was done (for the failure message).</summary>
    public (string Text, string What) Mutate(string text)
    {
        switch (random.Next(10))
        {
            case 0:
                var cut = random.Next(text.Length);
                return (text[..cut], $"cut at {cut}");
            case 1:
                var bytes = Encoding.UTF8.GetBytes(text);
                var at = random.Next(bytes.Length);
                bytes[at] = (byte)random.Next(256);
                return (Encoding.UTF8.GetString(bytes), $"byte {at} replaced");
        }
        var root = JsonNode.Parse(text)!;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        var path = target.GetPath();
        var what = ApplyTo(target);
        // The writer refuses to encode a lone surrogate, so it is written as its escape after the rest.
        return (root.ToJsonString().Replace($"\"{LoneSurrogate}\"", "\"\\ud800\""), $"{what} at {path}");
    }

    private string ApplyTo(JsonNode target)
    {
        var parent = target.Parent;
        switch (random.Next(4))
        {
            case 0 when parent is JsonObject o:
                o.Remove(target.GetPropertyName());
                return "removed";
            case 1 when parent is JsonObject o:
                var name = target.GetPropertyName();
                o.Remove(name);
                o[name + "_"] = target;
                return "renamed";
            case 2 when parent is JsonArray a:
                a.Add(target.DeepClone());
                return "duplicated";
            default:
                var value = HostileValues[random.Next(HostileValues.Length)]();
                if (parent is JsonObject obj) obj[target.GetPropertyName()] = value;
                else if (parent is JsonArray arr) arr[arr.IndexOf(target)] = value;
                else return "kept (the root)";
                return $"replaced by {value?.ToJsonString() ?? "null"}";
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        if (node is JsonObject o) foreach (var (_, child) in o) { if (child is not null) Collect(child, into); }
        else if (node is JsonArray a) foreach (var child in a) { if (child is not null) Collect(child, into); }
    }
}
