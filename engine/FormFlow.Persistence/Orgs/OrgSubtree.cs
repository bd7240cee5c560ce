namespace FormFlow.Persistence.Orgs;

/// <summary>
/// Subtree and ancestor queries over materialised paths. A subtree is the half-open key range
/// [<c>/1/4/</c>, <c>/1/40</c>): '0' is the character after '/', and paths hold only digits and '/', so the range
/// holds exactly the paths that start with the prefix. A range (not LIKE) lets both SQLite and PostgreSQL use the
/// path index; PostgreSQL compares the column in the "C" collation for the same byte order.
/// </summary>
public static class OrgSubtree
{
    public static IQueryable<OrgUnit> Within(this IQueryable<OrgUnit> orgs, string rootPath)
    {
        var upper = UpperBound(rootPath);
        return orgs.Where(o => string.Compare(o.Path, rootPath) >= 0 && string.Compare(o.Path, upper) < 0);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="rootPath"/> or lies below it.</summary>
    public static bool Contains(string rootPath, string path) => path.StartsWith(rootPath, StringComparison.Ordinal);

    /// <summary>The IDs along a path, root first: <c>/1/4/9/</c> → 1, 4, 9.</summary>
    public static int[] Chain(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

    private static string UpperBound(string rootPath)
    {
        if (!rootPath.EndsWith('/')) throw new ArgumentException($"org path '{rootPath}' must end with '/'", nameof(rootPath));
        return rootPath[..^1] + "0";
    }
}
