using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Drafts;
using FormFlow.Server.Auth;
using FormFlow.Server.Privacy;
using FormFlow.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Drafts;

/// <summary>
/// Drafts: one per account and service, saved as typed (partial and not yet valid data is fine — the forms engine
/// checks at submission), so an applicant can go on from another device.
/// </summary>
public static class DraftEndpoints
{
    public sealed record DraftRequest(JsonObject Data);
    public sealed record DraftView(JsonObject Data, DateTime SavedAt);
    public sealed record SavedView(DateTime SavedAt);

    public static void MapDraftEndpoints(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapGroup("/api/services/{id:int}/draft").WithTags("Drafts").RequireAuthorization().ProducesProblem(401).ProducesProblem(404);
        drafts.MapGet("/", GetAsync).WithSummary("My draft for this service; 404 when I have none.");
        drafts.MapPut("/", PutAsync).ProducesProblem(400).WithSummary("Save my draft for this service (replaces the previous one).");
        drafts.MapDelete("/", DeleteAsync).WithSummary("Discard my draft for this service.");
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> GetAsync(int id, FormFlowDbContext db, ServiceDirectory directory, PiiProtector pii, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (await directory.FindAsync(db, account, id, ct) is null) return ServiceEndpoints.NotFound(id);
        var draft = await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.AccountId == account.Id && d.ServiceActivationId == id, ct);
        // Sealed at rest (Privacy/DraftSealing); drafts saved before sealing open as they are.
        return draft is null
            ? TypedResults.Problem(statusCode: 404, title: "No draft", detail: $"you have no draft for service {id}")
            : TypedResults.Ok(new DraftView(pii.Open(draft.Data)!.AsObject(), draft.SavedAt));
    }

    private static async Task<Results<Ok<SavedView>, ProblemHttpResult>> PutAsync(int id, DraftRequest body, FormFlowDbContext db, ServiceDirectory directory, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (await directory.FindAsync(db, account, id, ct) is null) return ServiceEndpoints.NotFound(id);
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = await db.Drafts.SingleOrDefaultAsync(d => d.AccountId == account.Id && d.ServiceActivationId == id, ct);
        if (draft is null) db.Drafts.Add(draft = new Draft { AccountId = account.Id, ServiceActivationId = id, Data = "" });
        draft.Data = body.Data.ToJsonString();
        draft.SavedAt = now;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new SavedView(now));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, FormFlowDbContext db, ServiceDirectory directory, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (await directory.FindAsync(db, account, id, ct) is null) return ServiceEndpoints.NotFound(id);
        await db.Drafts.Where(d => d.AccountId == account.Id && d.ServiceActivationId == id).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }
}
