using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Shared;
using FormFlow.Server.Statistics;

namespace FormFlow.Server.Reports;

/// <summary>A leader's own reports under <c>/api/stats/reports</c>: saved definitions, their tables and their Excel.</summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/stats/reports").WithTags("Reports").RequireAuthorization()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        reports.MapGet("/", ListAsync).Produces<List<SavedReportView>>().WithSummary("My saved reports, last changed first.");
        reports.MapPost("/", CreateAsync).Produces<SavedReportView>(201)
            .WithSummary("Saves a report: measures, dimensions (org, module, month), filters (orgUnitId within my subtrees, moduleKey, from/to or period) and an optional schedule.");
        reports.MapPost("/preview", PreviewAsync).Produces<ReportTable>().WithSummary("The table of a report not saved yet, by my scope.");
        reports.MapGet("/{id:long}", GetAsync).Produces<SavedReportView>().WithSummary("One of my reports.");
        reports.MapPut("/{id:long}", UpdateAsync).Produces<SavedReportView>().WithSummary("Changes one of my reports (the whole definition).");
        reports.MapDelete("/{id:long}", DeleteAsync).Produces(204).WithSummary("Deletes one of my reports.");
        reports.MapGet("/{id:long}/table", RunAsync).Produces<ReportTable>()
            .WithSummary("Runs one of my reports by my scope now: its rows and the totals of what I may see.");
        reports.MapGet("/{id:long}/export", ExportAsync).Produces(200, contentType: FigureSheets.ContentType)
            .WithSummary("Runs one of my reports as an xlsx sheet (its rows, then 合计).");
    }

    private static async Task<IResult> ListAsync(FormFlowDbContext db, HttpContext http, SavedReports reports, CancellationToken ct)
    {
        var (owner, refusal) = await StaffAsync(db, http, ct);
        return owner is null ? refusal! : TypedResults.Ok((await reports.ListAsync(owner, ct)).Select(SavedReportView.Of).ToList());
    }

    private static async Task<IResult> CreateAsync(ReportDefinition definition, FormFlowDbContext db, HttpContext http, SavedReports reports, CancellationToken ct)
    {
        var (owner, refusal) = await StaffAsync(db, http, ct);
        if (owner is null) return refusal!;
        var (report, bad) = await reports.SaveAsync(owner, definition, null, ct);
        return report is null ? bad!.ToResult() : TypedResults.Created($"/api/stats/reports/{report.Id}", SavedReportView.Of(report));
    }

    private static async Task<IResult> PreviewAsync(ReportDefinition definition, FormFlowDbContext db, HttpContext http, SavedReports reports, CancellationToken ct)
    {
        var (runner, refusal) = await StaffAsync(db, http, ct);
        if (runner is null) return refusal!;
        var (table, bad) = await reports.PreviewAsync(runner, definition, ct);
        return table is null ? bad!.ToResult() : TypedResults.Ok(table);
    }

    private static Task<IResult> GetAsync(long id, FormFlowDbContext db, HttpContext http, SavedReports reports, CancellationToken ct) =>
        WithReportAsync(id, db, http, reports, (_, report) => Task.FromResult<IResult>(TypedResults.Ok(SavedReportView.Of(report))), ct);

    private static Task<IResult> UpdateAsync(long id, ReportDefinition definition, FormFlowDbContext db, HttpContext http, SavedReports reports, CancellationToken ct) =>
        WithReportAsync(id, db, http, reports, async (owner, report) =>
        {
            var (saved, bad) = await reports.SaveAsync(owner, definition, report, ct);
            return saved is null ? bad!.ToResult() : TypedResults.Ok(SavedReportView.Of(saved));
        }, ct);

    private static Task<IResult> DeleteAsync(long id, FormFlowDbContext db, HttpContext http, SavedReports reports, CancellationToken ct) =>
        WithReportAsync(id, db, http, reports, async (_, report) =>
        {
            await reports.DeleteAsync(report, ct);
            return TypedResults.NoContent();
        }, ct);

    private static Task<IResult> RunAsync(long id, FormFlowDbContext db, HttpContext http, SavedReports reports, CancellationToken ct) =>
        WithReportAsync(id, db, http, reports, async (owner, report) =>
        {
            var (table, bad) = await reports.RunAsync(owner, report, ct);
            return table is null ? bad!.ToResult() : TypedResults.Ok(table);
        }, ct);

    private static Task<IResult> ExportAsync(long id, FormFlowDbContext db, HttpContext http, SavedReports reports, CancellationToken ct) =>
        WithReportAsync(id, db, http, reports, async (owner, report) =>
        {
            var (table, bad) = await reports.RunAsync(owner, report, ct);
            if (table is null) return bad!.ToResult();
            var (file, name) = await reports.ExcelAsync(table, report.Id, ct);
            return TypedResults.File(file, FigureSheets.ContentType, name);
        }, ct);

    private static async Task<IResult> WithReportAsync(long id, FormFlowDbContext db, HttpContext http, SavedReports reports,
        Func<Account, Persistence.Reports.SavedReport, Task<IResult>> answer, CancellationToken ct)
    {
        var (owner, refusal) = await StaffAsync(db, http, ct);
        if (owner is null) return refusal!;
        return await reports.FindAsync(owner, id, ct) is { } report ? await answer(owner, report)
            : new ReportRefusal(StatusCodes.Status404NotFound, "Report not found", $"report {id} does not exist or is not yours").ToResult();
    }

    /// <summary>The signed-in account when it holds a staff role (reports are for union staff), else the refusal.</summary>
    private static async Task<(Account? Account, IResult? Refusal)> StaffAsync(FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return (null, CurrentAccount.Gone());
        if (!account.Roles.Any(r => Roles.ReachesSubtree(r.Role)))
            return (null, new ReportRefusal(StatusCodes.Status403Forbidden, "Forbidden", "reports are for union staff; workers and merchants have none").ToResult());
        return (account, null);
    }
}
