namespace FormFlow.Engine.JsonInput;

/// <summary>System.Text.Json's paths (<c>$.roles[0].name</c>, <c>$['a b']</c>) as JSON Pointers (<c>/roles/0/name</c>).</summary>
public static class JsonPaths
{
    /// <summary>The pointer, <c>""</c> for the root, or null when there is no path.</summary>
    public static string? ToPointer(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        var pointer = path.TrimStart('$').Replace("['", ".").Replace("']", "").Replace("[", ".").Replace("]", "").Replace('.', '/');
        return pointer.Length == 0 ? "" : pointer;
    }
}
