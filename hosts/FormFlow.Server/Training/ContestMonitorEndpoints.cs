using FormFlow.Persistence;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Training;

/// <summary>The Studio's live contest monitor over HTTP; the work is in <see cref="ContestMonitor"/>.</summary>
internal static class ContestMonitorEndpoints
{
    public static void MapContestMonitor(this IEndpointRouteBuilder app)
    {
        var contests = app.MapGroup("/api/contests").WithTags("Training").RequireAuthorization().ProducesProblem(401);
        contests.MapGet("/monitored", WatchedAsync).WithSummary("Contests I may watch live: those of my org and below, for staff (not workers).");
        contests.MapGet("/{id:int}/monitor", MonitorAsync).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422)
            .WithSummary($"A contest live, for staff with a role at its org or above (403 for others): participants, attempts open now, answers so far and in the last minutes (1-{ContestMonitor.MaxMinutes}, default 5; counted by this server), the top {ContestMonitor.TopLines} people and unions.");
    }

    private static async Task<Ok<List<MonitoredContest>>> WatchedAsync(FormFlowDbContext db, ContestMonitor monitor, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await CurrentAccount.LoadAsync(db, http.User, ct) is { } account ? await monitor.WatchedAsync(account, ct) : []);

    private static async Task<Results<Ok<ContestMonitorView>, ProblemHttpResult>> MonitorAsync(
        int id, int? minutes, FormFlowDbContext db, Contests contests, ContestMonitor monitor, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (await contests.FindAsync(account, id, ct) is not { } found)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such contest", detail: $"contest {id} does not exist or is not available to you");
        if (!ContestMonitor.Watches(account, found.Org))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours to watch",
                detail: $"contest {id} is watched by staff of {found.Org.Name} or above, not by its participants");
        if (minutes is < 1 or > ContestMonitor.MaxMinutes) return FieldProblem.Invalid("minutes", $"1 to {ContestMonitor.MaxMinutes} minutes").ToResult();
        return TypedResults.Ok(await monitor.ViewAsync(found.Contest, found.Org, account, minutes ?? 5, ct));
    }
}
