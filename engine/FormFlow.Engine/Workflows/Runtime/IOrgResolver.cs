namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>The union hierarchy as the workflow engine needs it: parents and ancestors at a level.</summary>
public interface IOrgResolver
{
    /// <summary>The parent of <paramref name="orgId"/>, or null at the top or for an unknown org.</summary>
    string? ParentOf(string orgId);

    /// <summary>The ancestor (or the org itself) at <paramref name="level"/> (e.g. "street", "district"), or null.</summary>
    string? AncestorAt(string orgId, string level);
}
