using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace FormFlow.Server.WebUi;

/// <summary>
/// Serves an app's HTML page with the per-request nonce: a <c>&lt;meta name="csp-nonce"&gt;</c> inserted before
/// <c>&lt;/head&gt;</c> and the matching policy header. The page text is read once per file version.
/// The Portal's hall for someone signed in also names the hall's answer as a preload, so that on a phone network it
/// travels while the scripts download and run, not after (the Portal asks for it on start: designer/src/portal/ahead.ts).
/// </summary>
internal sealed class HtmlPages(WebRoot root)
{
    /// <summary>The Portal paths that open at the service hall for a worker, and what the hall reads.</summary>
    private static readonly string[] HallPaths = ["/", "/index.html", "/hall"];
    private const string HallPreload = "<link rel=\"preload\" href=\"/api/services\" as=\"fetch\" crossorigin=\"anonymous\" />";

    private readonly ConcurrentDictionary<string, (DateTime Written, string Text)> _pages = new();

    public async Task ServeAsync(HttpContext http, string page)
    {
        var path = root.PathOf(page);
        if (!File.Exists(path))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The web app is not built",
                detail: $"{page} is missing from {root.Folder}: build designer/ (npm ci && npm run build) or set {WebRoot.SettingKey}").ExecuteAsync(http);
            return;
        }

        var written = File.GetLastWriteTimeUtc(path);
        if (!_pages.TryGetValue(path, out var cached) || cached.Written != written)
            _pages[path] = cached = (written, await File.ReadAllTextAsync(path, http.RequestAborted));

        var nonce = PageNonce.Create();
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = PageNonce.Policy(nonce);
        // The nonce changes per response, so the page itself is never cached; the bundles it names are.
        headers.CacheControl = "no-store";
        var meta = $"<meta name=\"{PageNonce.MetaName}\" content=\"{nonce}\" />";
        if (page == WebRoot.PortalPage && HallPaths.Contains(http.Request.Path.Value ?? "/") && (await http.AuthenticateAsync()).Succeeded)
            meta += HallPreload;
        var head = cached.Text.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        var html = head < 0 ? meta + cached.Text : cached.Text.Insert(head, meta);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }
}
