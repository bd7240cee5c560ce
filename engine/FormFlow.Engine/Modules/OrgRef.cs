using System.Text.Json.Nodes;

namespace FormFlow.Engine.Modules;

/// <summary>An org unit as templates see it: ID, display name and level in the union hierarchy.</summary>
public sealed record OrgRef(string Id, string? Name, string Level)
{
    /// <summary>The hierarchy from the top down; locks only tighten and overlays only apply in this direction.</summary>
    public static readonly IReadOnlyList<string> Levels = ["national", "province", "city", "district", "street", "grassroots"];

    public static int Rank(string level) => Levels.ToList().IndexOf(level);

    public static OrgRef FromJson(JsonNode node) => new((string)node["id"]!, (string?)node["name"], (string)node["level"]!);

    public JsonObject ToJson()
    {
        var node = new JsonObject { ["id"] = Id };
        if (Name is not null) node["name"] = Name;
        node["level"] = Level;
        return node;
    }

    public override string ToString() => $"{Name ?? Id} ({Id}, {Level})";
}
