namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>The union hierarchy as the workflow engine needs it: parents and ancestors at a level.</summary>
public interface IOrgResolver
{
    /// <summary>The parent of <paramref name="orgId"/>, or null at the top or for an unknown org.</summary>
    string? ParentOf(string orgId);

    /// <summary>The ancestor (or the org itself) at <paramref name="level"/> (e.g. "street", "district"), or null.</summary>
    string? AncestorAt(string orgId, string level);
}

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
