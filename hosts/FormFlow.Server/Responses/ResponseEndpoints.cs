using FormFlow.Persistence;
using System.Text.Json.Nodes;
using FormFlow.Server.Services;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Responses;

/// <summary>Answering a survey or vote, and its results.</summary>
internal static class ResponseEndpoints
{
    public sealed record AnswerRequest(JsonObject Data);

    public static void MapResponseEndpoints(this IEndpointRouteBuilder app)
    {
        var services = app.MapGroup("/api/services").WithTags("Responses").RequireAuthorization().ProducesProblem(401);
        services.MapPost("/{id:int}/responses", SubmitAsync).RequireRateLimiting(RateLimits.Submissions)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(429)
            .WithSummary("Answer a survey or vote (a service with submissions = responses): 201 with the period it counts in. 409 naming responseLimit when already answered " +
                         "(in this period), 422 naming responseOpensAt / responseClosesAt / responseEligibility, or with form errors [{path, rule, message}]. Nothing is stored on a refusal.");
        services.MapGet("/{id:int}/results", ResultsAsync).ProducesProblem(403).ProducesProblem(404)
            .WithSummary("The service's results per field, with a breakdown by my child org units (groups under 5 answers suppressed) and turnout for once-per-member services; " +
                         "403 naming resultsVisibility when they are not shown to me.");
        services.MapGet("/{id:int}/results.xlsx", ExportAsync).ProducesProblem(403).ProducesProblem(404)
            .Produces(200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("The results as an Excel workbook, under the same visibility rule.");
    }

    private static async Task<Results<Created<ResponseReceipt>, ProblemHttpResult>> SubmitAsync(int id, AnswerRequest body,
        FormFlowDbContext db, ServiceDirectory directory, ResponseSubmission submission, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (await directory.FindAsync(db, account, id, ct) is not { } service) return ServiceEndpoints.NotFound(id);
        return await submission.SubmitAsync(account, service, body.Data, ct);
    }

    private static async Task<Results<Ok<ResultsView>, ProblemHttpResult>> ResultsAsync(int id,
        FormFlowDbContext db, ServiceDirectory directory, ResultsReport report, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (await directory.FindAsync(db, account, id, ct) is not { } service) return ServiceEndpoints.NotFound(id);
        return await report.ForAsync(account, service, ct);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(int id,
        FormFlowDbContext db, ServiceDirectory directory, ResultsReport report, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (await directory.FindAsync(db, account, id, ct) is not { } service) return ServiceEndpoints.NotFound(id);
        var answer = await report.ForAsync(account, service, ct);
        if (answer.Result is not Ok<ResultsView> ok) return (ProblemHttpResult)answer.Result;
        return TypedResults.File(await ResultsExport.XlsxAsync(ok.Value!, ct),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"results-{id}.xlsx");
    }
}
