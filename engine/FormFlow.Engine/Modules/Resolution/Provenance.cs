using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Elements;

namespace FormFlow.Engine.Modules.Resolution;

/// <summary>
/// Which org last set each element property: `{elementId: {"/label": {id, name, level}, ...}}`. Package elements
/// start with the owner on every property; a `set` takes over its pointer (and anything under it); an added element
/// belongs to the org that added it; a hidden element keeps one entry `""` with `hidden: true`.
/// </summary>
internal sealed class Provenance
{
    public JsonObject Root { get; } = new();

    public void AddElements(IEnumerable<ElementEntry> entries, OrgRef org)
    {
        foreach (var entry in entries)
        {
            var children = ElementKinds.Children(entry.Kind)?.Container;
            var properties = new JsonObject();
            foreach (var (key, _) in entry.Node)
                if (key != "id" && key != children) properties["/" + Pointer.Escape(key)] = org.ToJson();
            Root[entry.Id] = properties;
        }
    }

    public void Set(string element, string path, JsonObject origin)
    {
        var properties = Root[element] as JsonObject ?? (JsonObject)(Root[element] = new JsonObject());
        foreach (var key in properties.Select(p => p.Key).Where(k => k.StartsWith(path + "/", StringComparison.Ordinal)).ToList())
            properties.Remove(key);
        properties[path] = origin;
    }

    public JsonObject? Get(string element, string path) => Root[element]?[path] as JsonObject;

    public void Hide(IEnumerable<string> ids, OrgRef org)
    {
        foreach (var id in ids)
        {
            var origin = org.ToJson();
            origin["hidden"] = true;
            Root[id] = new JsonObject { [""] = origin };
        }
    }

    /// <summary>The provenance in ordinal order of elements and pointers.</summary>
    public JsonObject Sorted() => (JsonObject)JsonNode.Parse(CanonicalJson.Text(Root))!;
}
