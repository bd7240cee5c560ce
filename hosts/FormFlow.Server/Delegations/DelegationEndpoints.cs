using FormFlow.Persistence;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Delegations;

/// <summary>My absence: who stands in for me and when (<c>/api/me/delegation</c>).</summary>
internal static class DelegationEndpoints
{
    public sealed record DelegationRequest(string? ToAccountId, DateTime? From, DateTime? Until);

    public static void MapDelegations(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me/delegation").WithTags("Delegation").RequireAuthorization().ProducesProblem(401);
        me.MapGet("/", GetAsync)
            .WithSummary("My absence (given: the colleague who stands in, from, until, active) and the colleagues I stand in for (standingInFor).");
        me.MapPut("/", SetAsync).ProducesProblem(400).ProducesProblem(403).ProducesProblem(422)
            .WithSummary("Set my absence {toAccountId, from, until}: while it runs the colleague sees and handles my tasks. The colleague must be staff in my subtree or at a unit above mine; " +
                         "422 naming the field otherwise. Replaces an earlier one; audited.");
        me.MapGet("/candidates", CandidatesAsync).ProducesProblem(400)
            .WithSummary("Who may stand in for me: staff in my subtrees or at units above mine, by account name; q narrows by name, ?limit=&cursor= pages.");
        me.MapDelete("/", RemoveAsync).Produces(StatusCodes.Status204NoContent)
            .WithSummary("End my absence now (removes it); audited. 204 also when there was none.");
    }

    private static async Task<Results<Ok<DelegationView>, ProblemHttpResult>> GetAsync(FormFlowDbContext db, AbsenceDelegation delegation, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        return TypedResults.Ok(await delegation.ViewAsync(account, ct));
    }

    private static async Task<Results<Ok<DelegationView>, ProblemHttpResult>> SetAsync(DelegationRequest body, FormFlowDbContext db, AbsenceDelegation delegation,
        HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var outcome = await delegation.SetAsync(account, body.ToAccountId, body.From, body.Until, ct);
        return outcome.Problem is { } refused ? refused.ToResult() : TypedResults.Ok(outcome.Value!);
    }

    private static async Task<Results<Ok<PersonPage>, ProblemHttpResult>> CandidatesAsync(string? q, int? limit, string? cursor,
        FormFlowDbContext db, AbsenceDelegation delegation, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        return await PersonPage.ReadAsync(await delegation.CandidatesAsync(account, ct), q, limit, cursor, ct);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(FormFlowDbContext db, AbsenceDelegation delegation, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        await delegation.RemoveAsync(account, ct);
        return TypedResults.NoContent();
    }
}
