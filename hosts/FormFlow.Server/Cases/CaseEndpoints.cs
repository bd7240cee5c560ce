using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Services;
using FormFlow.Server.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using FormFlow.Server.Files;
using FormFlow.Server.Shared;
using FormFlow.Server.Privacy;

namespace FormFlow.Server.Cases;

/// <summary>Submitting a service's form, following one's cases, and answering a "request information" step.</summary>
internal static class CaseEndpoints
{
    public sealed record DataRequest(JsonObject Data);

    public static void MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/services/{id:int}/cases", SubmitAsync).WithTags("Cases").RequireAuthorization()
            .RequireRateLimiting(RateLimits.Submissions)
            .Produces<CaseView>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404)
            .ProducesProblem(409).ProducesProblem(422).ProducesProblem(429)
            .WithSummary("Submit the service's start form: 201 with the new case (its first steps already created), or 422 with errors [{path, rule, message}]. " +
                         "An Idempotency-Key header makes a retry return the first answer instead of a second case.");

        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization().ProducesProblem(401);
        cases.MapGet("/", ListAsync).ProducesProblem(400)
            .WithSummary("Cases, newest first: my own with mine=true (workers always get only their own); staff get the cases of applicants in the subtrees of their staff roles (and their own). " +
                         $"{CaseSearch.Describe}; {IdPage.Describe}. Answers {{items, next}}.");
        cases.MapGet("/export", ExportAsync).ProducesProblem(400)
            .Produces(200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary($"The same list, every case the filters match, as an xlsx with personal data masked (names, mobile numbers, resident IDs ...); {CaseSearch.Describe}.");
        cases.MapGet("/{id:long}", GetAsync).ProducesProblem(404)
            .WithSummary("One case with its timeline, open steps (assignee, due date) and data; personal fields are masked unless I am the applicant.");
        cases.MapPost("/{id:long}/resubmit", ResubmitAsync).RequireRateLimiting(RateLimits.Submissions)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("The applicant answers a \"request information\" step with the corrected form data; 409 when the case does not wait for it.");
    }

    private static async Task<IResult> SubmitAsync(int id, DataRequest body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        FormFlowDbContext db, ServiceDirectory directory, SnapshotCatalog snapshots, CaseSubmission submission, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (idempotencyKey is { Length: 0 or > 200 })
            return TypedResults.Problem(statusCode: 400, title: "The request is not valid", detail: "the Idempotency-Key header must hold 1 to 200 characters");
        if (await directory.FindAsync(db, account, id, ct) is not { } service) return ServiceEndpoints.NotFound(id);
        var snapshot = await snapshots.RequireAsync(db, service.Activation.SnapshotHash, ct);
        if (!ServiceStarters.MayStart(account, service, snapshot)) return ServiceStarters.Refused(service, snapshot);
        return await submission.SubmitAsync(account, service, body.Data, idempotencyKey, ct);
    }

    private static async Task<Results<Ok<CasePage>, ProblemHttpResult>> ListAsync(
        bool? mine, string? number, string? applicant, string? status, int? serviceId, string? submittedFrom, string? submittedTo, int? limit, string? cursor,
        FormFlowDbContext db, CaseReader reader, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!IdPage.TryRead(limit, cursor, out var page, out var problem)) return problem!;
        if (!CaseSearch.TryRead(mine, number, applicant, status, serviceId, submittedFrom, submittedTo, out var search, out problem)) return problem!;
        var access = await CaseAccess.ForAsync(db, account, ct);
        var (items, next) = await search.PageAsync(db, access, page, ct);
        return TypedResults.Ok(new CasePage(await reader.SummariesAsync(items, ct), next));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExportAsync(
        bool? mine, string? number, string? applicant, string? status, int? serviceId, string? submittedFrom, string? submittedTo,
        FormFlowDbContext db, CaseExport export, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!CaseSearch.TryRead(mine, number, applicant, status, serviceId, submittedFrom, submittedTo, out var search, out var problem)) return problem!;
        var access = await CaseAccess.ForAsync(db, account, ct);
        var file = await export.XlsxAsync(search, access, ct);
        AuditLog.Append(db, account.UserName ?? account.Id, "case.exported", "cases", AuditLog.OrgOf(account), new JsonObject { ["query"] = http.Request.QueryString.Value });
        await db.SaveChangesAsync(ct);
        return TypedResults.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"cases-{clock.GetUtcNow().AddHours(8):yyyyMMdd-HHmm}.xlsx");
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(long id, FormFlowDbContext db, CaseReader reader, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var access = await CaseAccess.ForAsync(db, account, clock.GetUtcNow().UtcDateTime, ct);
        if (await access.FindCaseAsync(db, id, ct) is not { } c) return CaseProblems.CaseNotFound(id);
        return TypedResults.Ok(await reader.ViewForAsync(c, access, ct));
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> ResubmitAsync(long id, DataRequest body,
        FormFlowDbContext db, SnapshotCatalog snapshots, CaseStimuli stimuli, CaseReader reader, PiiProtector pii, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var access = await CaseAccess.ForAsync(db, account, ct);
        if (await access.FindCaseAsync(db, id, ct) is not { } c) return CaseProblems.CaseNotFound(id);
        if (c.ApplicantAccountId != account.Id) return CaseProblems.Forbidden($"only the applicant may answer a request for information on case {c.Number}");
        if (c.Status != CaseStatuses.WaitingForApplicant)
            return CaseProblems.Conflict("The case does not wait for information", $"case {c.Number} is {c.Status}; only a case waiting for the applicant takes a resubmission");

        var snapshot = await snapshots.RequireAsync(db, c.SnapshotHash, ct);
        var result = snapshot.StartForm.Runtime.Process(body.Data, new FormProcessOptions { Mode = FormMode.Submit });
        if (!result.Valid) return CaseProblems.Invalid(result.Errors);
        var data = result.Data;
        var fileErrors = await FileReferences.ResolveAsync(db, pii, account.Id, snapshot.StartForm.Definition, data, JsonNode.Parse(c.Data)!.AsObject(), ct);
        if (fileErrors.Count > 0) return CaseProblems.Invalid(fileErrors);
        // Requested items the form has no field for (an attachment asked for by the step) travel beside the form data.
        var requested = CaseHistory.RequestInformation(WorkflowInstance.FromJson(c.Instance))?.Fields ?? [];
        foreach (var key in requested.Where(k => !data.ContainsKey(k) && body.Data.ContainsKey(k) && snapshot.StartForm.Definition.DataFields().All(f => f.Key != k)))
            data[key] = body.Data[key]?.DeepClone();

        if (await stimuli.ApplyAsync(c, new ApplicantResubmitted(data) { By = account.UserName }, account.UserName!, ct) is { } refused)
            return CaseProblems.Invalid([new FormError("", "requestInformation", refused)], "The resubmission does not answer the request");
        AuditLog.Append(db, account.UserName!, "case.resubmitted", $"case:{c.Id}", c.OrgUnitId, new JsonObject { ["number"] = c.Number, ["status"] = c.Status });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (LostRace.Is(e))
        {
            return CaseProblems.Conflict("The case changed meanwhile", $"case {c.Number} was changed by another request; reload it and try again");
        }
        return TypedResults.Ok(await reader.ViewForAsync(c, access, ct));
    }
}
