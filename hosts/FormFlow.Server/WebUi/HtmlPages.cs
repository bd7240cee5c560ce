using Microsoft.AspNetCore.Authentication;

namespace FormFlow.Server.WebUi;

/// <summary>
/// Serves an app's HTML page with the per-request nonce: a <c>&lt;meta name="csp-nonce"&gt;</c> inserted before
/// <c>&lt;/head&gt;</c> and the matching policy header. The page text is read once per file version (<see cref="WebRootFiles"/>).
/// The Portal's hall for someone signed in also names the hall's answer as a preload, so that on a phone network it
/// travels while the scripts download and run, not after (the Portal asks for it on start: designer/src/portal/ahead.ts);
/// for a worker it also holds the hall itself, drawn by <see cref="PortalFirstScreen"/> in front of the app's root.
/// Without a session the Portal's page holds the sign-in form instead (<see cref="PortalSignInScreen"/>). A page with a
/// first screen carries its stylesheets in itself (<see cref="FirstScreenStyles"/>).
/// </summary>
internal sealed class HtmlPages(WebRoot root, WebRootFiles files, PortalWords words, FirstScreenStyles styles)
{
    /// <summary>The Portal paths that open at the service hall for a worker, and what the hall reads.</summary>
    private static readonly string[] HallPaths = ["/", "/index.html", "/hall"];
    private const string HallPreload = "<link rel=\"preload\" href=\"/api/services\" as=\"fetch\" crossorigin=\"anonymous\" />";

    private const string AppRoot = "<div id=\"root\">";
    private const string PortalHtmlTag = "<html lang=\"zh-CN\">";

    public async Task ServeAsync(HttpContext http, string page)
    {
        if (await files.TextAsync(page, http.RequestAborted) is not { } text)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The web app is not built",
                detail: $"{page} is missing from {root.Folder}: build designer/ (npm ci && npm run build) or set {WebRoot.SettingKey}").ExecuteAsync(http);
            return;
        }

        var nonce = PageNonce.Create();
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = PageNonce.Policy(nonce);
        // The nonce changes per response, so the page itself is never cached; the bundles it names are.
        headers.CacheControl = "no-store";
        var meta = $"<meta name=\"{PageNonce.MetaName}\" content=\"{nonce}\" />";
        FirstScreen? first = null;
        if (page == WebRoot.PortalPage)
        {
            var signedIn = await http.AuthenticateAsync();
            var hall = HallPaths.Contains(http.Request.Path.Value ?? "/");
            if (signedIn.Succeeded && hall) meta += HallPreload;
            if (await words.ReadAsync(http.RequestAborted) is { } catalogue)
                first = !signedIn.Succeeded ? PortalSignInScreen.Draw(http, catalogue)
                    : hall ? await PortalFirstScreen.DrawAsync(http, signedIn.Principal!, catalogue, http.RequestAborted)
                    : null;
        }
        var head = text.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        var html = head < 0 ? meta + text : text.Insert(head, meta);
        if (first is not null) html = await styles.InlineAsync(WithFirstScreen(html, first), nonce, http.RequestAborted);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }

    /// <summary>The first screen just before the app's root (which portal.css hides behind it), in its language and size.</summary>
    private static string WithFirstScreen(string html, FirstScreen first)
    {
        var appRoot = html.IndexOf(AppRoot, StringComparison.Ordinal);
        var htmlTag = html.IndexOf(PortalHtmlTag, StringComparison.Ordinal);
        if (appRoot < 0 || htmlTag < 0) return html;
        return html[..htmlTag] + $"<html lang=\"{first.Locale}\"{(first.Elder ? " class=\"elder\"" : "")}>"
            + html[(htmlTag + PortalHtmlTag.Length)..appRoot] + first.Markup + html[appRoot..];
    }
}
