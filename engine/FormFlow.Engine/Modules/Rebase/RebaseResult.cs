using System.Text.Json.Nodes;

namespace FormFlow.Engine.Modules.Rebase;

/// <summary>
/// A rebased overlay (written against the new parent) and the conflicts still open. The child may publish when
/// <see cref="Blocking"/> is false; <see cref="Decide"/> settles one conflict and logs who chose what and when.
/// </summary>
public sealed class RebaseResult
{
    internal RebaseResult(JsonObject overlay, IReadOnlyList<RebaseConflict> conflicts, JsonObject newParent)
    {
        Overlay = overlay;
        Conflicts = conflicts;
        NewParent = newParent;
    }

    public JsonObject Overlay { get; }
    public IReadOnlyList<RebaseConflict> Conflicts { get; }
    internal JsonObject NewParent { get; }

    public bool Blocking => Conflicts.Any(c => c.Blocking);

    public JsonObject ToJson() => new()
    {
        ["overlay"] = Overlay.DeepClone(),
        ["conflicts"] = new JsonArray(Conflicts.Select(c => (JsonNode?)c.ToJson()).ToArray()),
    };

    /// <summary>Settles conflict number <paramref name="conflict"/>; refused choices throw <see cref="ModuleException"/>.</summary>
    public RebaseResult Decide(int conflict, ConflictChoice choice, JsonNode? value, string by, DateTimeOffset at) =>
        ConflictDecisions.Apply(this, conflict, choice, value, by, at);
}
