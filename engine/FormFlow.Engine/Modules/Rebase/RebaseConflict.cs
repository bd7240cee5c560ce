using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FormFlow.Engine.Modules.Rebase;

/// <summary>
/// One thing an upgrade cannot settle alone. <see cref="Kind"/>: bothChanged, deletedUpstream, lockedUpstream,
/// keyChanged, duplicateKey, extensionPointChanged, invalidResult. <see cref="Path"/> is `/elementId/property`;
/// <see cref="Base"/>, <see cref="Parent"/> and <see cref="Child"/> are the old parent's, the new parent's and the
/// child's values; <see cref="Operation"/> is the index of the operation in the rebased overlay it concerns.
/// </summary>
public sealed record RebaseConflict(string Kind, string Path, JsonNode? Base, JsonNode? Parent, JsonNode? Child, bool Blocking, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public OrgRef? LockedBy { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Operation { get; init; }

    public JsonObject ToJson()
    {
        var node = new JsonObject
        {
            ["kind"] = Kind, ["path"] = Path, ["base"] = Base?.DeepClone(), ["parent"] = Parent?.DeepClone(), ["child"] = Child?.DeepClone(),
            ["blocking"] = Blocking, ["message"] = Message,
        };
        if (LockedBy is not null) node["lockedBy"] = LockedBy.ToJson();
        if (Operation is not null) node["operation"] = Operation;
        return node;
    }
}

/// <summary>How a conflict is settled: keep the child's change, take the parent's, or write another value.</summary>
public enum ConflictChoice { KeepMine, TakeParent, Edit }
