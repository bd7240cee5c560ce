namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>An org hierarchy held in memory, for the CLI, samples and tests.</summary>
public sealed class OrgTree : IOrgResolver
{
    private readonly Dictionary<string, (string? Parent, string Level)> _orgs = new(StringComparer.Ordinal);

    /// <summary>Adds an org; parents must be added before their children.</summary>
    public OrgTree Add(string id, string level, string? parent = null)
    {
        if (parent is not null && !_orgs.ContainsKey(parent))
            throw new ArgumentException($"org '{id}': parent '{parent}' is not in the tree", nameof(parent));
        if (!_orgs.TryAdd(id, (parent, level))) throw new ArgumentException($"org '{id}' is added twice", nameof(id));
        return this;
    }

    public string? ParentOf(string orgId) => _orgs.TryGetValue(orgId, out var org) ? org.Parent : null;

    public string? AncestorAt(string orgId, string level)
    {
        for (string? id = orgId; id is not null; id = ParentOf(id))
            if (_orgs.TryGetValue(id, out var org) && org.Level == level) return id;
        return null;
    }
}
