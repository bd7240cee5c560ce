using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Elements;
using FormFlow.Engine.Modules.Locks;
using FormFlow.Engine.Modules.Overlays;
using FormFlow.Engine.Modules.Resolution;

namespace FormFlow.Engine.Modules.Rebase;

/// <summary>
/// Three-way upgrade of a child overlay: old parent (what the child was written against), new parent, child.
/// Each operation is replayed against the new parent: a change the parent did not touch carries over, an identical
/// change collapses, the rest are conflicts. Deterministic: a pure function of the three inputs.
/// </summary>
public static class OverlayRebaser
{
    /// <summary><paramref name="oldParent"/> and <paramref name="newParent"/> are resolved modules (<see cref="Snapshot.Module"/>).</summary>
    public static RebaseResult Rebase(JsonObject oldParent, JsonObject newParent, Overlay child)
    {
        var replay = new Replay(oldParent, newParent);
        var operations = new JsonArray();
        var conflicts = new List<RebaseConflict>();
        foreach (var node in child.Operations)
        {
            var op = node!.DeepClone().AsObject();
            var found = new List<RebaseConflict>();
            if (!replay.Keep(op, found)) continue;
            conflicts.AddRange(found.Select(c => c with { Operation = operations.Count }));
            operations.Add(op);
        }
        var overlay = child.Document.DeepClone().AsObject();
        overlay["base"] = new JsonObject
        {
            ["module"] = newParent["id"]!.DeepClone(),
            ["version"] = newParent["version"]!.DeepClone(),
            ["hash"] = ChainResolver.HashOf(newParent),
        };
        overlay["operations"] = operations;
        return WithResultCheck(overlay, conflicts, newParent);
    }

    /// <summary>
    /// Adds an invalidResult conflict for each problem of the new parent plus the overlay's operations that have no
    /// open blocking conflict (those cannot be judged until settled).
    /// </summary>
    internal static RebaseResult WithResultCheck(JsonObject overlay, List<RebaseConflict> conflicts, JsonObject newParent)
    {
        conflicts.RemoveAll(c => c.Kind == "invalidResult");
        var pending = conflicts.Where(c => c.Blocking && c.Operation is not null).Select(c => c.Operation!.Value).ToHashSet();
        var trial = overlay.DeepClone().AsObject();
        var kept = new JsonArray();
        var original = new List<int>();
        var operations = overlay["operations"]!.AsArray();
        for (var i = 0; i < operations.Count; i++)
            if (!pending.Contains(i))
            {
                kept.Add(operations[i]!.DeepClone());
                original.Add(i);
            }
        trial["operations"] = kept;
        try
        {
            ChainResolver.Resolve(newParent, [Overlay.Parse(trial, "rebased overlay")]);
        }
        catch (ModuleException ex)
        {
            foreach (var problem in ex.Problems)
            {
                int? at = problem.Path.StartsWith("/operations/") && int.TryParse(problem.Path["/operations/".Length..], out var i) ? original[i] : null;
                conflicts.Add(new RebaseConflict("invalidResult", problem.Element is null ? problem.Path : "/" + problem.Element,
                    null, null, at is null ? null : operations[at.Value]!.DeepClone(), true, problem.Message)
                { Operation = at, LockedBy = problem.LockedBy });
            }
        }
        return new RebaseResult(overlay, conflicts.OrderBy(c => c.Operation ?? int.MaxValue).ToList(), newParent);
    }

    /// <summary>The comparison of one operation against the old and new parent.</summary>
    private sealed class Replay
    {
        private readonly JsonObject _oldParent, _newParent;
        private readonly ElementIndex _old, _new;
        // Only locks the new parent adds can conflict; the child already lived with the old ones.
        private readonly LockBook _newLocks = new();
        private readonly HashSet<string> _addedByChild = new(StringComparer.Ordinal);

        public Replay(JsonObject oldParent, JsonObject newParent)
        {
            (_oldParent, _newParent) = (oldParent, newParent);
            (_old, _new) = (ElementIndex.Build(oldParent), ElementIndex.Build(newParent));
            var before = oldParent["locks"]!.AsArray().Select(CanonicalJson.Text).ToHashSet();
            foreach (var node in newParent["locks"]!.AsArray())
                if (!before.Contains(CanonicalJson.Text(node))) _newLocks.Add(LockSpec.FromJson(node!), 0);
        }

        /// <summary>False when the operation is dropped (identical change, or hiding what the parent deleted).</summary>
        public bool Keep(JsonObject op, List<RebaseConflict> conflicts) => (string)op["op"]! switch
        {
            "set" => Set(op, conflicts),
            "add" => Add(op, conflicts),
            "hide" => Hide(op, conflicts),
            "move" => Move(op, conflicts),
            _ => _new.Find((string)op["element"]!) is not null || _addedByChild.Contains((string)op["element"]!),
        };

        private bool Set(JsonObject op, List<RebaseConflict> conflicts)
        {
            var (id, path, value) = ((string)op["element"]!, (string)op["path"]!, op["value"]);
            if (_addedByChild.Contains(id)) return true;
            var at = $"/{id}{path}";
            var oldValue = _old.Find(id) is { } o ? Pointer.Get(o.Node, path) : null;
            if (_new.Find(id) is not { } entry)
            {
                conflicts.Add(new("deletedUpstream", at, oldValue, null, value, true, $"the parent deleted '{id}', which the child changes"));
                return true;
            }
            var newValue = Pointer.Get(entry.Node, path);
            if (_newLocks.CheckChange(_new, id, path, value, 1) is { } locked)
                conflicts.Add(new("lockedUpstream", at, oldValue, newValue, value, true, locked.Message) { LockedBy = locked.LockedBy });
            else if (!JsonNode.DeepEquals(oldValue, newValue))
            {
                if (JsonNode.DeepEquals(value, newValue)) return false;
                conflicts.Add(new("bothChanged", at, oldValue, newValue, value, true, $"both the parent and the child changed {path} of '{id}'"));
            }
            op["was"] = newValue?.DeepClone();
            if (entry.Kind == ElementKind.Field && Pointer.Property(path) != "key" && _old.Find(id) is { } before
                && !JsonNode.DeepEquals(before.Node["key"], entry.Node["key"]))
                conflicts.Add(new("keyChanged", $"/{id}/key", before.Node["key"]?.DeepClone(), entry.Node["key"]?.DeepClone(), value, true,
                    $"the parent changed the data key of '{id}' from {before.Node["key"]?.ToJsonString()} to {entry.Node["key"]?.ToJsonString()}; the child's change to {path} needs an acknowledgement"));
            return true;
        }

        private bool Add(JsonObject op, List<RebaseConflict> conflicts)
        {
            var definition = op["definition"]!.AsObject();
            var (id, parent) = ((string)definition["id"]!, (string)op["parent"]!);
            _addedByChild.Add(id);
            var at = $"/{id}";
            if (ExtensionPoints.Find(_oldParent, parent) is { } oldPoint)
            {
                var newPoint = ExtensionPoints.Find(_newParent, parent);
                if (newPoint is null || Describe(_oldParent, oldPoint).ToJsonString() != Describe(_newParent, newPoint).ToJsonString())
                    conflicts.Add(new("extensionPointChanged", $"/{parent}", Describe(_oldParent, oldPoint), newPoint is null ? null : Describe(_newParent, newPoint),
                        definition.DeepClone(), true, $"the parent changed or removed extension point '{parent}', where the child inserts '{id}'"));
            }
            else if (_new.Find(parent) is null && _old.Find(parent) is not null && !_addedByChild.Contains(parent))
            {
                conflicts.Add(new("deletedUpstream", $"/{parent}", _old.Find(parent)!.Node.DeepClone(), null, definition.DeepClone(), true,
                    $"the parent deleted '{parent}', where the child adds '{id}'"));
                return true;
            }
            else if (_new.Find(parent) is not null && _newLocks.CheckAdd(_new, parent, 1) is { } locked)
                conflicts.Add(new("lockedUpstream", at, null, null, definition.DeepClone(), true, locked.Message) { LockedBy = locked.LockedBy });
            if (_new.Find(id) is { } same)
            {
                if (_old.Find(id) is null && JsonNode.DeepEquals(same.Node, definition)) return false;
                conflicts.Add(new("duplicateKey", $"{at}/id", null, same.Node.DeepClone(), definition.DeepClone(), true,
                    $"the parent now has an element with ID '{id}', which the child adds"));
            }
            else if (definition["key"] is JsonValue key && SiblingKeys(parent).FirstOrDefault(e => JsonNode.DeepEquals(e.Node["key"], key)) is { } clash)
                conflicts.Add(new("duplicateKey", $"{at}/key", null, clash.Node["key"]!.DeepClone(), key.DeepClone(), true,
                    $"the parent's field '{clash.Id}' now uses data key {key.ToJsonString()}, which the child's new field '{id}' uses too"));
            DropMissingAnchor(op);
            return true;
        }

        private bool Hide(JsonObject op, List<RebaseConflict> conflicts)
        {
            var id = (string)op["element"]!;
            if (_new.Find(id) is null) return _addedByChild.Contains(id); // the parent deleted it: hiding is moot, not a conflict
            if (_newLocks.CheckHide(_new, id, 1) is { } locked)
                conflicts.Add(new("lockedUpstream", $"/{id}", null, null, op.DeepClone(), true, locked.Message) { LockedBy = locked.LockedBy });
            return true;
        }

        private bool Move(JsonObject op, List<RebaseConflict> conflicts)
        {
            foreach (var id in new[] { (string)op["element"]!, (string)op["parent"]! })
                if (_new.Find(id) is null && !_addedByChild.Contains(id))
                {
                    conflicts.Add(new("deletedUpstream", $"/{id}", _old.Find(id)?.Node.DeepClone(), null, op.DeepClone(), true,
                        $"the parent deleted '{id}', which the child moves or moves into"));
                    return true;
                }
            var element = (string)op["element"]!;
            if (!_addedByChild.Contains(element)
                && (_newLocks.CheckChange(_new, element, "", null, 1) ?? _newLocks.CheckAdd(_new, (string)op["parent"]!, 1)) is { } locked)
                conflicts.Add(new("lockedUpstream", $"/{element}", null, null, op.DeepClone(), true, locked.Message) { LockedBy = locked.LockedBy });
            DropMissingAnchor(op);
            return true;
        }

        /// <summary>An anchor the parent deleted is dropped: the element goes last under its parent.</summary>
        private void DropMissingAnchor(JsonObject op)
        {
            foreach (var side in new[] { "after", "before" })
                if (op[side] is JsonValue anchor && _new.Find((string)anchor!) is null && !_addedByChild.Contains((string)anchor!))
                    op.Remove(side);
        }

        /// <summary>The data fields that share a key space with a new child of <paramref name="parent"/> in the new parent.</summary>
        private IEnumerable<ElementEntry> SiblingKeys(string parent)
        {
            if (_new.Find(parent) is not { } container) return [];
            if (container.Kind == ElementKind.Field) return _new.Entries.Values.Where(e => e.ParentId == parent);
            var form = _new.SelfAndAncestors(parent).LastOrDefault();
            return _new.Entries.Values.Where(e => e.Kind == ElementKind.Field && e.ParentId is not null
                && _new.Find(e.ParentId)!.Kind == ElementKind.Section && _new.SelfAndAncestors(e.Id).Last().Id == form?.Id);
        }

        private static JsonObject Describe(JsonObject module, JsonNode point)
        {
            var (_, source, outcome) = ExtensionPoints.Read(point);
            return new JsonObject
            {
                ["source"] = source, ["outcome"] = outcome,
                ["target"] = ExtensionPoints.Connection(module, source, outcome)?["target"]?.DeepClone(),
            };
        }
    }
}
