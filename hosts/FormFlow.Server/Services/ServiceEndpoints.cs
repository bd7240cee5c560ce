using FormFlow.Persistence;
using FormFlow.Server.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Services;

/// <summary>The service hall: services available to the signed-in account and the form each one starts with.</summary>
internal static class ServiceEndpoints
{
    public static void MapServiceEndpoints(this IEndpointRouteBuilder app)
    {
        var services = app.MapGroup("/api/services").WithTags("Services").RequireAuthorization().ProducesProblem(401);
        services.MapGet("/", ListAsync)
            .WithSummary("Services available to me: per module the deepest live activation on my chain of unions; staff also see those live in their subtree. Only services my roles may start (the module's startedBy).");
        services.MapGet("/{id:int}", GetAsync).ProducesProblem(404)
            .WithSummary("One service with its start form definition, the form's JSON Schema and, for a survey, vote or windowed service, its response policy as it stands for me; 404 when unknown or not visible to me.");
    }

    private static async Task<Results<Ok<List<ServiceView>>, ProblemHttpResult>> ListAsync(
        FormFlowDbContext db, ServiceDirectory directory, SnapshotCatalog snapshots, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        return TypedResults.Ok(await HallServices.ForAsync(db, directory, snapshots, account, ct));
    }

    private static async Task<Results<Ok<ServiceDetailView>, ProblemHttpResult>> GetAsync(
        int id, FormFlowDbContext db, ServiceDirectory directory, SnapshotCatalog snapshots, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (await directory.FindAsync(db, account, id, ct) is not { } entry) return NotFound(id);
        var snapshot = await snapshots.RequireAsync(db, entry.Activation.SnapshotHash, ct);
        var responses = await ResponseFacts.ForAsync(db, account, entry, snapshot.Policy, clock.GetUtcNow(), ct);
        return TypedResults.Ok(ServiceDetailView.From(entry, snapshot, responses));
    }

    public static ProblemHttpResult NotFound(int id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Service not found", detail: $"service {id} does not exist or is not available to you");
}
