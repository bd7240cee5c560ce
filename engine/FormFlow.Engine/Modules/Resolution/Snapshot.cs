using System.Text.Json.Nodes;

namespace FormFlow.Engine.Modules.Resolution;

/// <summary>
/// A resolved module: the whole chain applied and checked. <see cref="Hash"/> is the SHA-256 of the module's
/// canonical JSON (cases pin it); <see cref="Provenance"/> says which org last set each element property.
/// </summary>
public sealed record Snapshot(string Hash, JsonObject Module, JsonObject Provenance)
{
    public JsonObject ToJson() => new()
    {
        ["hash"] = Hash,
        ["module"] = Module.DeepClone(),
        ["provenance"] = Provenance.DeepClone(),
    };
}
