using System.Globalization;
using FormFlow.Persistence;

namespace FormFlow.Server.Statistics;

/// <summary>
/// The figures kept up to date (<c>/api/stats/figures</c>): an org's subtree over a period, broken down by child
/// org, week or month, module; two periods compared; a ranking of the units of one level; the heat table of the
/// lowest on-time rates; each as xlsx. Scoped like <c>/api/stats</c> (<see cref="FigureScope"/>).
/// </summary>
internal static class FigureEndpoints
{
    public static void MapFigureEndpoints(this RouteGroupBuilder stats)
    {
        var figures = stats.MapGroup("/figures");
        figures.MapGet("/", BreakdownAsync).Produces<FigureBreakdown>()
            .WithSummary("An org's figures over a period (from/to local dates, inclusive), its parent (when mine to see) and each child's, for drilling down and back up; default org: my highest staff unit.");
        figures.MapGet("/trend", TrendAsync).Produces<FigureTrend>()
            .WithSummary("An org's figures per week (ISO, grain=week) or month (grain=month) of the period.");
        figures.MapGet("/modules", ModulesAsync).Produces<FigureModules>()
            .WithSummary("An org's case, task and survey figures per module over the period.");
        figures.MapGet("/compare", CompareAsync).Produces<FigureComparison>()
            .WithSummary("An org's figures over the period (from/to) against another (otherFrom/otherTo), with the change of each measure.");
        figures.MapGet("/ranking", RankingAsync).Produces<FigureRanking>()
            .WithSummary("The units of one level (default grassroots) under an org, sorted by a measure (sort, order asc|desc), one page (limit, offset).");
        figures.MapGet("/heat", HeatAsync).Produces<List<OrgFigures>>()
            .WithSummary("The units of one level under an org with the lowest on-time rates (at least minTasks tasks with a deadline), lowest first.");
        figures.MapGet("/export", ExportAsync).Produces(200, contentType: FigureSheets.ContentType)
            .WithSummary("One view (view=breakdown|trend|modules|compare|ranking|heat, with that view's parameters) as an xlsx sheet; a ranking exports every unit.");
    }

    private static async Task<IResult> BreakdownAsync(string? orgUnitId, string? from, string? to, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        var (scope, refusal) = await FigureScope.ResolveAsync(db, http, orgUnitId, from, to, ct);
        return scope is null ? refusal! : TypedResults.Ok(await new FigureReader(db).BreakdownAsync(scope, ct));
    }

    private static Task<IResult> TrendAsync(string? orgUnitId, string? from, string? to, string? grain, FormFlowDbContext db, HttpContext http, CancellationToken ct) =>
        WithAsync(db, http, orgUnitId, from, to, new() { Grain = grain }, async (reader, scope, query) => TypedResults.Ok(await reader.TrendAsync(scope, query.Grain, ct)), ct);

    private static Task<IResult> ModulesAsync(string? orgUnitId, string? from, string? to, FormFlowDbContext db, HttpContext http, CancellationToken ct) =>
        WithAsync(db, http, orgUnitId, from, to, new(), async (reader, scope, _) => TypedResults.Ok(await reader.ModulesAsync(scope, ct)), ct);

    private static Task<IResult> CompareAsync(string? orgUnitId, string? from, string? to, string? otherFrom, string? otherTo, FormFlowDbContext db, HttpContext http, CancellationToken ct) =>
        WithAsync(db, http, orgUnitId, from, to, new() { OtherFrom = otherFrom, OtherTo = otherTo }, async (reader, scope, query) =>
            query.OtherFrom is { } f && query.OtherTo is { } t ? TypedResults.Ok(await reader.CompareAsync(scope, f, t, ct)) : MissingOtherPeriod(), ct);

    private static Task<IResult> RankingAsync(string? orgUnitId, string? from, string? to, string? level, string? sort, string? order, string? limit, string? offset,
        FormFlowDbContext db, HttpContext http, CancellationToken ct) =>
        WithAsync(db, http, orgUnitId, from, to, new() { Level = level, Sort = sort, Order = order, Limit = limit, Offset = offset }, async (reader, scope, query) =>
            TypedResults.Ok(await reader.RankingAsync(scope, query.Level, query.Sort, query.Descending, query.Offset, query.Limit, ct)), ct);

    private static Task<IResult> HeatAsync(string? orgUnitId, string? from, string? to, string? level, string? limit, string? minTasks,
        FormFlowDbContext db, HttpContext http, CancellationToken ct) =>
        WithAsync(db, http, orgUnitId, from, to, new() { Level = level, Limit = limit, MinTasks = minTasks, DefaultLimit = 20 }, async (reader, scope, query) =>
            TypedResults.Ok(await reader.HeatAsync(scope, query.Level, query.Limit, query.MinTasks, ct)), ct);

    private static async Task<IResult> ExportAsync(string? view, string? orgUnitId, string? from, string? to, string? grain, string? otherFrom, string? otherTo,
        string? level, string? sort, string? order, string? limit, string? offset, string? minTasks, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!FigureSheets.Views.Contains(view))
            return StatsScope.Problem(StatusCodes.Status400BadRequest, "Invalid query parameter 'view'", $"view '{view}' is not one of {string.Join(", ", FigureSheets.Views)}", "view");
        var texts = new QueryTexts { Grain = grain, OtherFrom = otherFrom, OtherTo = otherTo, Level = level, Sort = sort, Order = order, Limit = limit, Offset = offset, MinTasks = minTasks, DefaultLimit = view == "heat" ? 20 : 50 };
        return await WithAsync(db, http, orgUnitId, from, to, texts, async (reader, scope, query) =>
        {
            IEnumerable<Dictionary<string, object?>> rows;
            switch (view)
            {
                case "trend": rows = FigureSheets.Trend(await reader.TrendAsync(scope, query.Grain, ct)); break;
                case "modules": rows = FigureSheets.Modules(await reader.ModulesAsync(scope, ct)); break;
                case "compare":
                    if (query.OtherFrom is not { } f || query.OtherTo is not { } t) return MissingOtherPeriod();
                    rows = FigureSheets.Compare(await reader.CompareAsync(scope, f, t, ct));
                    break;
                case "ranking": rows = FigureSheets.Ranking(await reader.RankingAsync(scope, query.Level, query.Sort, query.Descending, 0, null, ct)); break;
                case "heat": rows = FigureSheets.Heat(await reader.HeatAsync(scope, query.Level, query.Limit, query.MinTasks, ct)); break;
                default: rows = FigureSheets.Breakdown(await reader.BreakdownAsync(scope, ct)); break;
            }
            var stamp = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(Cases.CaseNumbers.LocalOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            return TypedResults.File(await FigureSheets.WriteAsync(view!, rows, ct), FigureSheets.ContentType, $"formflow-figures-{view}-{scope.Org.Id}-{stamp}.xlsx");
        }, ct);
    }

    private sealed class QueryTexts
    {
        public string? Level, Sort, Order, Limit, Offset, Grain, OtherFrom, OtherTo, MinTasks;
        public int DefaultLimit = 50;
    }

    private static async Task<IResult> WithAsync(FormFlowDbContext db, HttpContext http, string? orgUnitId, string? from, string? to, QueryTexts texts,
        Func<FigureReader, FigureScope, FigureQuery, Task<IResult>> answer, CancellationToken ct)
    {
        var (query, bad) = FigureQuery.Parse(texts.Level, texts.Sort, texts.Order, texts.Limit, texts.Offset, texts.Grain, texts.OtherFrom, texts.OtherTo, texts.MinTasks, texts.DefaultLimit);
        if (query is null) return bad!;
        var (scope, refusal) = await FigureScope.ResolveAsync(db, http, orgUnitId, from, to, ct);
        return scope is null ? refusal! : await answer(new FigureReader(db), scope, query);
    }

    private static IResult MissingOtherPeriod() =>
        StatsScope.Problem(StatusCodes.Status400BadRequest, "Missing query parameter 'otherFrom'", "a comparison needs the other period: otherFrom and otherTo (local dates, inclusive)", "otherFrom");
}
