using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Elements;
using FormFlow.Engine.Modules.Locks;
using FormFlow.Engine.Modules.Overlays;
using FormFlow.Engine.Workflows.Definitions;

namespace FormFlow.Engine.Modules.Resolution;

/// <summary>Applies one overlay's operations to the module document in order, each checked against the locks above.</summary>
/// <paramref name="packageActivities"/> are the package's own workflow steps: any other step at an extension point was inserted there.
internal sealed class OverlayApplier(JsonObject module, LockBook book, Provenance provenance, Overlay overlay, int position, IReadOnlySet<string> packageActivities)
{
    private readonly Dictionary<string, (string Source, string Outcome)> _tails = new(StringComparer.Ordinal);
    private ElementIndex _index = ElementIndex.Build(module);

    public List<ModuleProblem> Apply()
    {
        var problems = new List<ModuleProblem>();
        var operations = overlay.Operations;
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i]!.AsObject();
            var problem = (string)op["op"]! switch
            {
                "set" => Set(op),
                "add" => Add(op),
                "hide" => Hide(op),
                "move" => Move(op),
                _ => Lock(op),
            };
            if (problem is not null)
                problems.Add(problem with { Path = $"/operations/{i}", Source = overlay.Source, Message = $"{overlay.Org}: {problem.Message}" });
        }
        return problems;
    }

    private ModuleProblem Refuse(string? element, string message) => new(element, "", message);

    private ModuleProblem? Set(JsonObject op)
    {
        var (id, path) = ((string)op["element"]!, (string)op["path"]!);
        if (_index.Find(id) is not { } entry) return Refuse(id, $"set: the module has no element '{id}'");
        if (Pointer.Property(path) == "id") return Refuse(id, "set: an element's id is its stable reference and cannot change");
        if (ElementKinds.Children(entry.Kind) is var (container, _) && Pointer.Property(path) == container)
            return Refuse(id, $"set: {path} holds child elements; use add, hide or move");
        if (entry.Kind == ElementKind.Setting && path != "/value")
            return Refuse(id, $"set: only a setting's /value can be set (its bounds belong to the template owner; tighten them with a bounds lock)");
        if (SettingBindings.BoundSetting(module, id, path) is { } setting)
            return Refuse(id, $"set: {path} of {(entry.Kind == ElementKind.Activity ? "activity" : "element")} '{id}' comes from setting '{setting}'; set the setting instead");
        if (book.CheckChange(_index, id, path, op["value"], position) is { } violation) return violation;
        if (Pointer.Set(entry.Node, path, op["value"]?.DeepClone()) is { } error) return Refuse(id, $"set: {error}");
        provenance.Set(id, path, overlay.Org.ToJson());
        return null;
    }

    private ModuleProblem? Add(JsonObject op)
    {
        var definition = op["definition"]!.DeepClone().AsObject();
        var (id, parent) = ((string)definition["id"]!, (string)op["parent"]!);
        if (_index.Find(id) is not null || ExtensionPoints.Find(module, id) is not null)
            return Refuse(id, $"add: element ID '{id}' is already used in the module");
        if (ExtensionPoints.Find(module, parent) is not null)
        {
            var workflowId = (string)module["workflow"]!["id"]!;
            if ((book.CheckAdd(_index, workflowId, position) ?? book.CheckInsert(parent, id, position)) is { } locked) return locked;
            if (ExtensionPoints.Insert(module, parent, definition, (string?)op["exit"] ?? ConnectionDefinition.DefaultOutcome, _tails) is { } error)
                return Refuse(id, $"add: {error}");
            return Added(id);
        }
        if (_index.Find(parent) is not { } target) return Refuse(id, $"add: the module has no element or extension point '{parent}'");
        if (target.Kind == ElementKind.Workflow)
        {
            var points = module["extensionPoints"]!.AsArray().Select(p => (string?)p!["id"]).ToList();
            return Refuse(id, $"add: workflow steps can be inserted only at an extension point the template declares ({(points.Count == 0 ? "it declares none" : string.Join(", ", points))})");
        }
        if (Container(target) is not { } children) return Refuse(id, $"add: '{parent}' ({ElementKinds.Name(target.Kind)}) cannot hold child elements");
        if (book.CheckAdd(_index, parent, position) is { } violation) return violation;
        if (Insert(children, definition, op) is { } anchorError) return Refuse(id, $"add: {anchorError}");
        return Added(id);
    }

    private ModuleProblem? Added(string id)
    {
        _index = ElementIndex.Build(module);
        var added = _index.SelfAndDescendants(id).ToList();
        provenance.AddElements(added, overlay.Org);
        return null;
    }

    private ModuleProblem? Hide(JsonObject op)
    {
        var id = (string)op["element"]!;
        if (_index.Find(id) is not { } entry) return Refuse(id, $"hide: the module has no element '{id}'");
        if (entry.Kind is ElementKind.Form or ElementKind.Workflow or ElementKind.Setting)
            return Refuse(id, $"hide: a {ElementKinds.Name(entry.Kind)} cannot be hidden");
        if (book.CheckHide(_index, id, position) is { } violation) return violation;
        var gone = _index.SelfAndDescendants(id).Select(e => e.Id).ToList();
        if (entry.Kind == ElementKind.Activity)
        {
            // The activity goes with its connections; the soundness check refuses a workflow left without a way to an end.
            var connections = module["workflow"]!["connections"]!.AsArray();
            foreach (var c in connections.Where(c => (string?)c!["source"] == id || (string?)c!["target"] == id).ToList())
                connections.Remove(c);
        }
        entry.Container!.Remove(entry.Node);
        Forget(gone.ToHashSet(StringComparer.Ordinal));
        provenance.Hide(gone, overlay.Org);
        _index = ElementIndex.Build(module);
        return null;
    }

    /// <summary>Locks and translations of hidden elements go with them (a removable element may still carry a lock).</summary>
    private void Forget(HashSet<string> gone)
    {
        var locks = module["locks"]!.AsArray();
        foreach (var stale in locks.Where(l => gone.Contains((string)l!["element"]!)).ToList()) locks.Remove(stale);
        foreach (var (_, byElement) in module["translations"] as JsonObject ?? [])
            foreach (var id in gone)
                (byElement as JsonObject)?.Remove(id);
    }

    private ModuleProblem? Move(JsonObject op)
    {
        var (id, parent) = ((string)op["element"]!, (string)op["parent"]!);
        if (_index.Find(id) is not { } entry) return Refuse(id, $"move: the module has no element '{id}'");
        if (entry.Kind is not (ElementKind.Page or ElementKind.Section or ElementKind.Field))
            return Refuse(id, $"move: only pages, sections and fields move; '{id}' is a {ElementKinds.Name(entry.Kind)}");
        if (_index.Find(parent) is not { } target) return Refuse(id, $"move: the module has no element '{parent}'");
        if (ElementKinds.Children(target.Kind)?.Child != entry.Kind || Container(target) is not { } children)
            return Refuse(id, $"move: a {ElementKinds.Name(entry.Kind)} cannot go into '{parent}' ({ElementKinds.Name(target.Kind)})");
        if ((book.CheckChange(_index, id, "", null, position) ?? book.CheckAdd(_index, parent, position)) is { } violation) return violation;
        entry.Container!.Remove(entry.Node);
        if (Insert(children, entry.Node, op) is { } anchorError)
        {
            entry.Container.Add(entry.Node);
            return Refuse(id, $"move: {anchorError}");
        }
        _index = ElementIndex.Build(module);
        return null;
    }

    private ModuleProblem? Lock(JsonObject op)
    {
        var spec = LockSpec.FromJson(op) with { By = overlay.Org };
        if (ExtensionPoints.Find(module, spec.Element) is not null)
        {
            if (!ExtensionPoints.TakesLock(spec.Kind))
                return Refuse(spec.Element, $"lock: extension point '{spec.Element}' takes an additionsOnly or element lock, not {(string)op["kind"]!}");
            spec = spec with { Existing = ExtensionPoints.StepsAt(module, spec.Element, packageActivities) };
            return Added(spec);
        }
        if (_index.Find(spec.Element) is not { } entry) return Refuse(spec.Element, $"lock: the module has no element or extension point '{spec.Element}'");
        if (spec.Kind == LockKind.AdditionsOnly) spec = spec with { Existing = LockedNow(spec.Element) };
        if (spec.Kind == LockKind.Properties && spec.Properties.Count == 0) return Refuse(spec.Element, "lock: a properties lock names the properties");
        if (spec.Kind == LockKind.Bounds)
        {
            if (spec.Path is null || !spec.HasBounds) return Refuse(spec.Element, "lock: a bounds lock needs a path and min and/or max, or options");
            var current = Pointer.Get(entry.Node, spec.Path);
            if (spec.Options.Count == 0 && ModuleSoundness.Number(current) is null)
                return Refuse(spec.Element, $"lock: '{spec.Element}' has no number at {spec.Path}");
            if (!spec.Admits(current)) return Refuse(spec.Element, $"lock: '{spec.Element}' {spec.Path} = {current?.ToJsonString() ?? "null"} already lies outside {spec.Bounds}");
        }
        if (book.CheckTighten(spec, position) is { } loosening) return loosening;
        return Added(spec);
    }

    private ModuleProblem? Added(LockSpec spec)
    {
        book.Add(spec, position);
        module["locks"]!.AsArray().Add(spec.ToJson(overlay.Org));
        return null;
    }

    /// <summary>What an additions-only lock set now protects: the element and everything under it today.</summary>
    private List<string> LockedNow(string element) => _index.SelfAndDescendants(element).Select(e => e.Id).ToList();

    private static JsonArray? Container(ElementEntry target)
    {
        if (ElementKinds.Children(target.Kind) is not var (name, _)) return null;
        if (target.Kind == ElementKind.Field && (string?)target.Node["type"] != "group") return null;
        return target.Node[name] as JsonArray ?? (JsonArray)(target.Node[name] = new JsonArray());
    }

    /// <summary>Puts a node after or before an anchor sibling, or last; null when it worked.</summary>
    private static string? Insert(JsonArray children, JsonObject node, JsonObject op)
    {
        var anchor = (string?)op["after"] ?? (string?)op["before"];
        if (anchor is null)
        {
            children.Add(node);
            return null;
        }
        var at = children.Select((c, i) => (Id: (string?)c?["id"], i)).FirstOrDefault(c => c.Id == anchor, (null, -1)).Item2;
        if (at < 0) return $"anchor '{anchor}' is not a child of the parent";
        children.Insert(op["after"] is not null ? at + 1 : at, node);
        return null;
    }
}
