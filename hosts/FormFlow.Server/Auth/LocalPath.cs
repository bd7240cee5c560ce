namespace FormFlow.Server.Auth;

/// <summary>Where a browser may be sent back to after signing in: a path on this server, never another site.</summary>
internal static class LocalPath
{
    /// <summary>What a refusal says of a <c>returnUrl</c> that is not such a path.</summary>
    public const string Rule = "returnUrl must be a path on this server, starting with a single /";

    /// <summary>"/x", not "//host" or "/\host" (which browsers read as another host) nor an absolute URL.</summary>
    public static bool Is(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && Uri.IsWellFormedUriString(url, UriKind.Relative);
}
