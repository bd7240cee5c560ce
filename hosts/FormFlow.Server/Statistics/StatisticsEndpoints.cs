using FormFlow.Persistence;

namespace FormFlow.Server.Statistics;

/// <summary>The Studio dashboard's statistics for the caller's subtree, and their export to Excel or CSV.</summary>
internal static class StatisticsEndpoints
{
    public static void MapStatisticsEndpoints(this IEndpointRouteBuilder app)
    {
        var stats = app.MapGroup("/api/stats").WithTags("Statistics").RequireAuthorization()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        stats.MapGet("/", GetAsync).Produces<StatsReport>()
            .WithSummary("Cases by module, status and month, deadlines met and missed, members joined by month — over my subtree (or orgUnitId inside it), from/to as local dates (yyyy-MM-dd, inclusive).");
        stats.MapGet("/export", ExportAsync).Produces(200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("The same statistics as a file: format=xlsx (summary and case list sheets) or csv (summary). No personal data.");
        stats.MapFigureEndpoints();
    }

    private static async Task<IResult> GetAsync(string? orgUnitId, string? from, string? to, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        var (scope, refusal) = await StatsScope.ResolveAsync(db, http, orgUnitId, from, to, ct);
        if (scope is null) return refusal!;
        return TypedResults.Ok(await StatsReport.BuildAsync(db, scope, Now(http), ct));
    }

    private static async Task<IResult> ExportAsync(string? format, string? orgUnitId, string? from, string? to, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv"))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query parameter 'format'",
                detail: $"format '{format}' is not one of xlsx, csv", extensions: new Dictionary<string, object?> { ["parameter"] = "format" });
        var (scope, refusal) = await StatsScope.ResolveAsync(db, http, orgUnitId, from, to, ct);
        if (scope is null) return refusal!;
        var report = await StatsReport.BuildAsync(db, scope, Now(http), ct);
        var stamp = Now(http).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return format == "xlsx"
            ? TypedResults.File(await StatsExport.XlsxAsync(db, scope, report, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"formflow-stats-{stamp}.xlsx")
            : TypedResults.File(await StatsExport.CsvAsync(report, ct), "text/csv; charset=utf-8", $"formflow-stats-{stamp}.csv");
    }

    private static DateTime Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
}
