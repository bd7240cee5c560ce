using FormFlow.Persistence.Orgs;

namespace FormFlow.Server.Orgs;

/// <summary>An org unit in the tree the API returns; <see cref="Children"/> holds only the visible ones.</summary>
internal sealed record OrgNode(int Id, string Name, OrgLevel Level, int? ParentId, string Path, bool Archived, List<OrgNode> Children)
{
    /// <summary>Builds the forest from units sorted by path: a unit whose parent is not visible becomes a root.</summary>
    public static List<OrgNode> Forest(IReadOnlyList<OrgUnit> unitsByPath)
    {
        var nodes = new Dictionary<int, OrgNode>();
        var roots = new List<OrgNode>();
        foreach (var unit in unitsByPath)
        {
            var node = new OrgNode(unit.Id, unit.Name, unit.Level, unit.ParentId, unit.Path, unit.ArchivedAt is not null, []);
            nodes[unit.Id] = node;
            if (unit.ParentId is { } parent && nodes.TryGetValue(parent, out var parentNode)) parentNode.Children.Add(node);
            else roots.Add(node);
        }
        return roots;
    }

    public OrgNode? Find(int id) => Id == id ? this : Children.Select(c => c.Find(id)).FirstOrDefault(n => n is not null);
}
