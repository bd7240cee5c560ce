using Microsoft.AspNetCore.ResponseCompression;

namespace FormFlow.Server.WebUi;

/// <summary>
/// The browser apps: the Portal at <c>/</c> and the Studio at <c>/studio/</c>, each page also for every client-side
/// route under it. Client routes are served by middleware for GET/HEAD requests that no endpoint matched, whose path
/// has no file extension and is not under a server prefix (api, openapi, health, api-docs) — so an unknown API path
/// stays a ProblemDetails 404, and a wrong method or media type on a real endpoint stays routing's 405 / 415.
/// </summary>
internal static class WebUiEndpoints
{
    private static readonly string[] ServerPrefixes = ["/api", "/openapi", "/health", "/api-docs"];

    public static IServiceCollection AddWebUi(this IServiceCollection services, IConfiguration config) =>
        services.AddSingleton(WebRoot.From(config)).AddSingleton<WebRootFiles>().AddSingleton<PortalWords>().AddSingleton<FirstScreenStyles>().AddSingleton<HtmlPages>()
            // The pages, compressed as they are written (the bundles come precompressed): a page with a drawn first
            // screen carries its stylesheets (FirstScreenStyles), 17 KB a phone on 3G should not get raw. Safe over
            // HTTPS against BREACH-style guessing: a page holds no secret that outlives it (the nonce is new each time).
            .AddResponseCompression(options =>
            {
                options.EnableForHttps = true;
                options.MimeTypes = ["text/html"];
                options.Providers.Add<BrotliCompressionProvider>();
                options.Providers.Add<GzipCompressionProvider>();
            })
            .Configure<BrotliCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Fastest)
            .Configure<GzipCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Fastest);

    /// <summary>Static bundles, then the pages of client routes; runs after routing, before the endpoints.</summary>
    public static void UseWebUi(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseStaticBundles(app.Services.GetRequiredService<WebRoot>());
        var pages = app.Services.GetRequiredService<HtmlPages>();
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (context.GetEndpoint() is not null || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || !IsClientRoute(request.Path)) return next(context);
            return pages.ServeAsync(context, request.Path.StartsWithSegments("/studio") ? WebRoot.StudioPage : WebRoot.PortalPage);
        });
    }

    public static void MapWebUi(this IEndpointRouteBuilder app)
    {
        var pages = app.ServiceProvider.GetRequiredService<HtmlPages>();
        Task Portal(HttpContext http) => pages.ServeAsync(http, WebRoot.PortalPage);
        Task Studio(HttpContext http) => pages.ServeAsync(http, WebRoot.StudioPage);
        // Anonymous: the pages hold no data (they call the API, which asks for sign-in) and show the sign-in form.
        app.MapGet("/", Portal).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/index.html", Portal).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/studio/", Studio).ExcludeFromDescription().AllowAnonymous(); // also answers /studio
        app.MapGet("/studio/index.html", Studio).ExcludeFromDescription().AllowAnonymous();
    }

    private static bool IsClientRoute(PathString path)
    {
        if (ServerPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))) return false;
        var value = path.Value ?? "/";
        return !value[(value.LastIndexOf('/') + 1)..].Contains('.');
    }
}
