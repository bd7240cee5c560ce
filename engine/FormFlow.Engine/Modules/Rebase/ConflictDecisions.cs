using System.Text.Json.Nodes;

namespace FormFlow.Engine.Modules.Rebase;

/// <summary>
/// Settling one rebase conflict. keepMine keeps the child's operation (bothChanged; keyChanged as the
/// acknowledgement); takeParent drops it; edit writes another value into it (a set's value, a new field's key or
/// ID, another extension point). Each decision goes into the overlay's `log`; the result is checked again.
/// </summary>
internal static class ConflictDecisions
{
    public static RebaseResult Apply(RebaseResult current, int index, ConflictChoice choice, JsonNode? value, string by, DateTimeOffset at)
    {
        if (index < 0 || index >= current.Conflicts.Count)
            throw Refused($"/conflicts/{index}", $"there is no conflict {index}; there are {current.Conflicts.Count}");
        var conflict = current.Conflicts[index];
        var overlay = current.Overlay.DeepClone().AsObject();
        var operations = overlay["operations"]!.AsArray();
        var conflicts = current.Conflicts.Where((_, i) => i != index).ToList();
        var op = conflict.Operation is { } n ? operations[n]!.AsObject() : null;

        switch (choice)
        {
            case ConflictChoice.KeepMine when conflict.Kind is "bothChanged" or "keyChanged":
                break;
            case ConflictChoice.KeepMine:
                throw Refused(conflict.Path, $"a {conflict.Kind} conflict cannot be kept: {conflict.Message}; take the parent's version or edit");
            case ConflictChoice.TakeParent when op is not null:
                operations.RemoveAt(conflict.Operation!.Value);
                conflicts = conflicts.Where(c => c.Operation != conflict.Operation)
                    .Select(c => c.Operation > conflict.Operation ? c with { Operation = c.Operation - 1 } : c).ToList();
                break;
            case ConflictChoice.Edit when op is not null && Edit(op, conflict, value) is null:
                break;
            case ConflictChoice.Edit when op is not null:
                throw Refused(conflict.Path, Edit(op, conflict, value)!);
            default:
                throw Refused(conflict.Path, $"{Name(choice)} does not apply to this {conflict.Kind} conflict");
        }

        var entry = new JsonObject { ["kind"] = conflict.Kind, ["path"] = conflict.Path, ["choice"] = Name(choice) };
        if (choice == ConflictChoice.Edit) entry["value"] = value?.DeepClone();
        entry["by"] = by;
        entry["at"] = at.ToString("yyyy-MM-ddTHH:mm:sszzz");
        (overlay["log"] as JsonArray ?? (JsonArray)(overlay["log"] = new JsonArray())).Add(entry);
        return OverlayRebaser.WithResultCheck(overlay, conflicts, current.NewParent);
    }

    /// <summary>Writes the edited value into the operation; null when it worked, otherwise why not.</summary>
    private static string? Edit(JsonObject op, RebaseConflict conflict, JsonNode? value)
    {
        switch ((string)op["op"]!, conflict.Kind)
        {
            case ("set", "bothChanged" or "lockedUpstream" or "keyChanged" or "invalidResult"):
                op["value"] = value?.DeepClone();
                return null;
            case ("add", "duplicateKey") when value is JsonValue v && v.TryGetValue<string>(out var text):
                op["definition"]![conflict.Path.EndsWith("/key") ? "key" : "id"] = text;
                return null;
            case ("add", "extensionPointChanged") when value is JsonValue v && v.TryGetValue<string>(out var point):
                op["parent"] = point;
                return null;
            default:
                return $"edit does not apply to a {conflict.Kind} conflict on a {(string)op["op"]!} operation (or the value has the wrong type)";
        }
    }

    private static string Name(ConflictChoice choice) => choice switch
    {
        ConflictChoice.KeepMine => "keepMine",
        ConflictChoice.TakeParent => "takeParent",
        _ => "edit",
    };

    private static ModuleException Refused(string path, string message) => new([new ModuleProblem(null, path, message)]);
}
