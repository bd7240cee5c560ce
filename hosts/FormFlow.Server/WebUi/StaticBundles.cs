using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FormFlow.Server.WebUi;

/// <summary>
/// The apps' static files from the web root. The build writes a Brotli (<c>.br</c>) and a gzip (<c>.gz</c>) copy
/// beside each text bundle; a client that accepts one gets it, with the original file's content type. Vite names
/// bundles under <c>assets/</c> by content hash, so those are cached for a year; other files are revalidated.
/// HTML files are not served here: pages go through <see cref="HtmlPages"/> for their nonce.
/// </summary>
internal static class StaticBundles
{
    private const string OriginalPathKey = "formflow.static.original";
    private static readonly (string Token, string Extension)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    public static IApplicationBuilder UseStaticBundles(this IApplicationBuilder app, WebRoot root)
    {
        Directory.CreateDirectory(root.Folder);
        var files = new PhysicalFileProvider(root.Folder);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings.Remove(".html");
        types.Mappings.Remove(".htm");
        // Only reached through the rewrite below, which restores the original content type.
        types.Mappings[".br"] = "application/octet-stream";
        types.Mappings[".gz"] = "application/octet-stream";

        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                PickEncoding(context, files, types);
            return next(context);
        });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = ctx => Prepare(ctx, types),
        });
    }

    private static void PickEncoding(HttpContext context, IFileProvider files, FileExtensionContentTypeProvider types)
    {
        var path = context.Request.Path.Value;
        if (path is null || !types.TryGetContentType(path, out _) || path.EndsWith(".br") || path.EndsWith(".gz")) return;
        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (token, extension) in Encodings)
        {
            if (!Accepts(accepted, token) || !files.GetFileInfo(path + extension).Exists) continue;
            context.Items[OriginalPathKey] = path;
            context.Request.Path = path + extension;
            context.Response.Headers.ContentEncoding = token;
            return;
        }
    }

    private static bool Accepts(string acceptEncoding, string token) =>
        acceptEncoding.Split(',').Select(part => part.Split(';')).Any(part =>
            part[0].Trim().Equals(token, StringComparison.OrdinalIgnoreCase) && !part.Skip(1).Any(p => p.Trim() is "q=0" or "q=0.0"));

    private static void Prepare(StaticFileResponseContext ctx, FileExtensionContentTypeProvider types)
    {
        var http = ctx.Context;
        var headers = http.Response.Headers;
        var path = http.Items[OriginalPathKey] as string ?? http.Request.Path.Value ?? "";
        if (http.Items.ContainsKey(OriginalPathKey) && types.TryGetContentType(path, out var type))
            headers.ContentType = type;
        headers.Vary = new StringValues(HeaderNames.AcceptEncoding);
        headers.CacheControl = path.StartsWith("/assets/", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }
}
