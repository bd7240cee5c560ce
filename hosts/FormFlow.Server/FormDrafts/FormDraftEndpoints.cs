using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.FormDrafts;
using FormFlow.Server.Auth;
using FormFlow.Server.Privacy;
using FormFlow.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Shared;

namespace FormFlow.Server.FormDrafts;

/// <summary>
/// Form drafts: an applicant's half-filled form, one per account and service, saved as typed (partial and not yet
/// valid data is fine — the forms engine checks at submission), so an applicant can go on from another device.
/// (A module's unpublished edits are its draft, in Modules.)
/// </summary>
internal static class FormDraftEndpoints
{
    public sealed record FormDraftRequest(JsonObject Data);
    public sealed record FormDraftView(JsonObject Data, DateTime SavedAt);
    public sealed record SavedView(DateTime SavedAt);

    public static void MapFormDraftEndpoints(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapGroup("/api/services/{id:int}/draft").WithTags("Form drafts").RequireAuthorization().ProducesProblem(401).ProducesProblem(404);
        drafts.MapGet("/", GetAsync).WithSummary("My draft for this service; 204 when I have none yet (404 only when the service is not mine to use).");
        drafts.MapPut("/", PutAsync).ProducesProblem(400).WithSummary("Save my draft for this service (replaces the previous one).");
        drafts.MapDelete("/", DeleteAsync).WithSummary("Discard my draft for this service.");
    }

    private static async Task<Results<Ok<FormDraftView>, NoContent, ProblemHttpResult>> GetAsync(int id, FormFlowDbContext db, ServiceDirectory directory, PiiProtector pii, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (await directory.FindAsync(db, account, id, ct) is null) return ServiceEndpoints.NotFound(id);
        var draft = await db.FormDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.AccountId == account.Id && d.ServiceActivationId == id, ct);
        // Sealed at rest (Privacy/DraftSealing); drafts saved before sealing open as they are.
        // No draft yet is the usual state of a form page, not an error.
        if (draft is null) return TypedResults.NoContent();
        return TypedResults.Ok(new FormDraftView(pii.Open(draft.Data)!.AsObject(), draft.SavedAt));
    }

    private static async Task<Results<Ok<SavedView>, ProblemHttpResult>> PutAsync(int id, FormDraftRequest body, FormFlowDbContext db, ServiceDirectory directory, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (await directory.FindAsync(db, account, id, ct) is null) return ServiceEndpoints.NotFound(id);
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = await db.FormDrafts.SingleOrDefaultAsync(d => d.AccountId == account.Id && d.ServiceActivationId == id, ct);
        if (draft is null) db.FormDrafts.Add(draft = new FormDraft { AccountId = account.Id, ServiceActivationId = id, Data = "" });
        draft.Data = body.Data.ToJsonString();
        draft.SavedAt = now;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new SavedView(now));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, FormFlowDbContext db, ServiceDirectory directory, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (await directory.FindAsync(db, account, id, ct) is null) return ServiceEndpoints.NotFound(id);
        await db.FormDrafts.Where(d => d.AccountId == account.Id && d.ServiceActivationId == id).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }
}
