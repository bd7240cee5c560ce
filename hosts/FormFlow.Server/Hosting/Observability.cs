using System.Security.Cryptography;
using System.Text;
using FormFlow.Server.Shared;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FormFlow.Server.Hosting;

/// <summary>
/// Metrics and traces of the server itself, for the people who run it (OpenTelemetry): HTTP requests (ASP.NET Core),
/// PostgreSQL commands (Npgsql) and FormFlow's own measures (<see cref="ServerMetrics"/>). Off unless configured, so
/// an unconfigured server pays nothing:
/// <list type="bullet">
/// <item><c>FormFlow:Telemetry:OtlpEndpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) sends traces and
/// metrics to an OpenTelemetry collector;</item>
/// <item><c>FormFlow:Telemetry:PrometheusScrapeToken</c> opens <see cref="ScrapePath"/> for Prometheus, answering only a
/// request that carries <c>Authorization: Bearer</c> with that token (401 otherwise).</item>
/// </list>
/// </summary>
internal static class Observability
{
    public const string ScrapePath = "/metrics";
    private const string OtlpKey = "FormFlow:Telemetry:OtlpEndpoint";
    private const string ScrapeTokenKey = "FormFlow:Telemetry:PrometheusScrapeToken";

    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<ServerMetrics>();
        var otlp = config[OtlpKey] ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        var scrape = !string.IsNullOrEmpty(config[ScrapeTokenKey]);
        if (string.IsNullOrEmpty(otlp) && !scrape) return services;

        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("formflow-server"));
        telemetry.WithMetrics(m =>
        {
            m.AddMeter(ServerMetrics.MeterName, "Npgsql").AddAspNetCoreInstrumentation();
            if (scrape) m.AddPrometheusExporter();
            if (!string.IsNullOrEmpty(otlp)) m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
        });
        if (!string.IsNullOrEmpty(otlp))
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddNpgsql().AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        return services;
    }

    /// <summary>Maps the Prometheus endpoint when a scrape token is configured; the token is checked before it answers.</summary>
    public static void MapObservability(this WebApplication app)
    {
        var token = app.Configuration[ScrapeTokenKey];
        if (string.IsNullOrEmpty(token)) return;
        var expected = Encoding.UTF8.GetBytes("Bearer " + token);
        app.UseWhen(http => http.Request.Path.Equals(ScrapePath, StringComparison.Ordinal), branch => branch.Use(async (http, next) =>
        {
            var sent = Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString());
            if (CryptographicOperations.FixedTimeEquals(sent, expected)) { await next(http); return; }
            await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Scrape token required",
                detail: $"{ScrapePath} answers a request with 'Authorization: Bearer <{ScrapeTokenKey}>'").ExecuteAsync(http);
        }));
        // Anonymous to the sign-in schemes: the scrape token above is its lock (Prometheus has no session).
        app.MapPrometheusScrapingEndpoint(ScrapePath).AllowAnonymous();
    }
}
