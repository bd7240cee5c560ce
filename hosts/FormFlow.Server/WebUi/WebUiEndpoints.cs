namespace FormFlow.Server.WebUi;

/// <summary>
/// The browser apps: the Portal at <c>/</c> and the Studio at <c>/studio/</c>, each page for every client-side route
/// under it (paths without a file extension). Paths under the API, OpenAPI, health and API reference prefixes never
/// fall back to a page: an unknown one stays a ProblemDetails 404.
/// </summary>
public static class WebUiEndpoints
{
    private static readonly string[] ServerPrefixes = ["/api", "/openapi", "/health", "/api-docs"];

    public static IApplicationBuilder UseWebUiFiles(this WebApplication app) =>
        app.UseStaticBundles(app.Services.GetRequiredService<WebRoot>());

    public static void MapWebUi(this IEndpointRouteBuilder app)
    {
        var pages = app.ServiceProvider.GetRequiredService<HtmlPages>();
        Task Portal(HttpContext http) => pages.ServeAsync(http, WebRoot.PortalPage);
        Task Studio(HttpContext http) => pages.ServeAsync(http, WebRoot.StudioPage);

        app.MapGet("/", Portal).ExcludeFromDescription();
        app.MapGet("/index.html", Portal).ExcludeFromDescription();
        app.MapGet("/studio/", Studio).ExcludeFromDescription(); // also answers /studio
        app.MapGet("/studio/index.html", Studio).ExcludeFromDescription();
        app.MapFallback("/studio/{**path:nonfile}", Studio);
        app.MapFallback("{**path:nonfile}", http =>
        {
            if (!ServerPrefixes.Any(prefix => http.Request.Path.StartsWithSegments(prefix))) return Portal(http);
            // No body: the status code pages write the ProblemDetails ("no endpoint at ...").
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    public static IServiceCollection AddWebUi(this IServiceCollection services, IConfiguration config) =>
        services.AddSingleton(WebRoot.From(config)).AddSingleton<HtmlPages>();
}
