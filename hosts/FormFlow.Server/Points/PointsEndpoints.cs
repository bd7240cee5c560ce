using FormFlow.Persistence;
using FormFlow.Persistence.Points;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Points;

/// <summary>My points: the balance and the ledger's lines, newest first, paged by cursor.</summary>
internal static class PointsEndpoints
{
    public static void MapPointsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/points", LedgerAsync).WithTags("Points").RequireAuthorization().ProducesProblem(400).ProducesProblem(401)
            .WithSummary($"My points balance and ledger lines (each with its reason), newest first; {IdPage.Describe}.");
    }

    private static async Task<Results<Ok<PointsView>, ProblemHttpResult>> LedgerAsync(
        FormFlowDbContext db, HttpContext http, int? limit, string? cursor, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!IdPage.TryRead(limit, cursor, out var page, out var problem)) return problem!;
        var lines = db.PointsEntries.AsNoTracking().Where(e => e.AccountId == account.Id);
        if (page.Before is { } before) lines = lines.Where(e => e.Id < before);
        var fetched = await lines.OrderByDescending(e => e.Id).Take(page.Limit + 1)
            .Select(e => new PointsLine(e.Id, e.Points, e.Reason, e.Kind, e.Capped, e.CaseId, e.AwardedAt)).ToListAsync(ct);
        var (items, next) = page.Cut(fetched, l => l.Id);
        var balance = await PointsLedger.BalanceAsync(db, account.Id, ct);
        return TypedResults.Ok(new PointsView(balance, items, next));
    }
}

internal sealed record PointsView(int Balance, List<PointsLine> Items, string? Next);

/// <param name="Capped">The kind's daily cap cut this award down to <paramref name="Points"/>.</param>
internal sealed record PointsLine(long Id, int Points, string Reason, string Kind, bool Capped, long? CaseId, DateTime AwardedAt);
