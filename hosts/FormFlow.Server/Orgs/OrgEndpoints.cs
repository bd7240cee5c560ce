using FormFlow.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Orgs;

/// <summary>The org hierarchy as the signed-in account may see it.</summary>
internal static class OrgEndpoints
{
    public static void MapOrgEndpoints(this IEndpointRouteBuilder app)
    {
        var orgs = app.MapGroup("/api/orgs").WithTags("Orgs").RequireAuthorization().ProducesProblem(401);
        orgs.MapGet("/", ListAsync)
            .WithSummary("The org tree visible to me: my subtrees for staff roles, my own chain of unions for workers and merchants; archived units only with ?archived=true.");
        orgs.MapGet("/{id}", GetAsync).ProducesProblem(400).ProducesProblem(404)
            .WithSummary("One visible org unit with its visible children; 404 when it does not exist or is not visible to me.");
    }

    private static async Task<Results<Ok<List<OrgNode>>, ProblemHttpResult>> ListAsync(FormFlowDbContext db, HttpContext http, bool? archived, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        return TypedResults.Ok(OrgNode.Forest(await OrgVisibility.VisibleToAsync(db, account, ct, archived ?? false)));
    }

    private static async Task<Results<Ok<OrgNode>, ProblemHttpResult>> GetAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var node = OrgNode.Forest(await OrgVisibility.VisibleToAsync(db, account, ct)).Select(root => root.Find(id)).FirstOrDefault(n => n is not null);
        // Not found and not visible answer alike, so another subtree's IDs leak nothing.
        return node is not null
            ? TypedResults.Ok(node)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Org unit not found",
                detail: $"org unit {id} does not exist or is not visible to you");
    }
}
