using System.Text.Json.Nodes;

namespace FormFlow.Engine.Modules.Elements;

/// <summary>Where an element sits in a module document: its node, its parent and the array holding it.</summary>
internal sealed record ElementEntry(string Id, ElementKind Kind, JsonObject Node, string? ParentId, JsonArray? Container, string Pointer);

/// <summary>
/// Every element of a module document by its stable ID: forms (pages → sections → fields, group fields), the
/// workflow and its activities, and settings (named by their key). IDs are unique across the whole module so that
/// an overlay operation needs nothing but the ID.
/// </summary>
internal sealed class ElementIndex
{
    private readonly Dictionary<string, ElementEntry> _entries = new(StringComparer.Ordinal);

    private ElementIndex() { }

    public IReadOnlyDictionary<string, ElementEntry> Entries => _entries;

    public ElementEntry? Find(string id) => _entries.GetValueOrDefault(id);

    /// <summary>Indexes a module document; a repeated ID is reported in <paramref name="problems"/> (the first one wins).</summary>
    public static ElementIndex Build(JsonObject module, List<ModuleProblem>? problems = null)
    {
        var index = new ElementIndex();
        if (module["forms"] is JsonArray forms)
            for (var i = 0; i < forms.Count; i++)
                if (forms[i] is JsonObject form) index.Visit(form, ElementKind.Form, null, forms, $"/forms/{i}", problems);
        if (module["workflow"] is JsonObject workflow) index.Visit(workflow, ElementKind.Workflow, null, null, "/workflow", problems);
        if (module["settings"] is JsonObject settings)
            foreach (var (name, value) in settings)
                if (value is JsonObject setting)
                    index.Add(new ElementEntry(name, ElementKind.Setting, setting, null, null, $"/settings/{Pointer.Escape(name)}"), problems);
        return index;
    }

    private void Visit(JsonObject node, ElementKind kind, string? parentId, JsonArray? container, string pointer, List<ModuleProblem>? problems)
    {
        if (node["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id)) return;
        Add(new ElementEntry(id, kind, node, parentId, container, pointer), problems);
        if (ElementKinds.Children(kind) is not var (name, child) || node[name] is not JsonArray children) return;
        for (var i = 0; i < children.Count; i++)
            if (children[i] is JsonObject item) Visit(item, child, id, children, $"{pointer}/{name}/{i}", problems);
    }

    private void Add(ElementEntry entry, List<ModuleProblem>? problems)
    {
        if (_entries.TryAdd(entry.Id, entry)) return;
        problems?.Add(new ModuleProblem(entry.Id, entry.Pointer,
            $"element ID '{entry.Id}' is used more than once in the module (also at {_entries[entry.Id].Pointer}); overlays need unique IDs"));
    }

    /// <summary>The element and its ancestors, nearest first.</summary>
    public IEnumerable<ElementEntry> SelfAndAncestors(string id)
    {
        for (var entry = Find(id); entry is not null; entry = entry.ParentId is null ? null : Find(entry.ParentId))
            yield return entry;
    }

    /// <summary>The element and everything below it.</summary>
    public IEnumerable<ElementEntry> SelfAndDescendants(string id) =>
        _entries.Values.Where(e => SelfAndAncestors(e.Id).Any(a => a.Id == id));
}
