namespace FormFlow.Server.Auth;

/// <summary>Where a browser may be sent back to after signing in: a path on this server, never another site.</summary>
internal static class LocalPath
{
    /// <summary>"/x", not "//host" or "/\host" (which browsers read as another host) nor an absolute URL.</summary>
    public static bool Is(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && Uri.IsWellFormedUriString(url, UriKind.Relative);
}
