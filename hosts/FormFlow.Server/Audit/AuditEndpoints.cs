using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Orgs;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Audit;

/// <summary>Admins read the audit log of their subtrees (审计日志).</summary>
internal static class AuditEndpoints
{
    public const int MaxFilterLength = 256;

    internal sealed record AuditPage(List<AuditEntryView> Items, string? Next);

    public static void MapAuditEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", SearchAsync).WithTags("Audit").RequireAuthorization()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404)
            .WithSummary("The audit entries about the org units of my admin subtrees, newest first (entries about no one unit only for admins of a root unit): " +
                         $"?actor= (a user name, 'system' or 'anonymous'), ?action= (a name such as merchant.created, or a prefix ending in a dot such as merchant.), " +
                         "?target= (the object, e.g. case:12 or merchant:M-1), ?org= (an org unit of my admin subtree: the entries about its subtree), " +
                         $"?from= and ?to= (yyyy-MM-dd, China days, inclusive); {IdPage.Describe}.");

    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> SearchAsync(
        string? actor, string? action, string? target, int? org, string? from, string? to, int? limit, string? cursor, AuditTrail trail, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!account.Roles.Any(r => r.Role == Roles.Admin))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not an admin", detail: "only admins read the audit log");
        if (!IdPage.TryRead(limit, cursor, out var page, out var bad)) return bad!;
        ProblemHttpResult? problem = null;
        if (Trimmed(actor) is { Length: > MaxFilterLength }) return IdPage.BadParameter("actor", $"actor must be at most {MaxFilterLength} characters");
        if (Trimmed(action) is { Length: > MaxFilterLength }) return IdPage.BadParameter("action", $"action must be at most {MaxFilterLength} characters");
        if (Trimmed(target) is { Length: > MaxFilterLength }) return IdPage.BadParameter("target", $"target must be at most {MaxFilterLength} characters");
        OrgUnit? unit = null;
        if (org is { } orgId && ((unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct)) is null || !OrgAdmins.Manages(account, unit, inclusive: true)))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "org not found", detail: $"no org unit {orgId} in your admin subtree",
                extensions: new Dictionary<string, object?> { ["parameter"] = "org" });
        if (!QueryDay.TryRead(from, "from", out var first, ref problem) || !QueryDay.TryRead(to, "to", out var last, ref problem)) return problem!;
        if (first is not null && last is not null && last < first) return IdPage.BadParameter("to", "to must not be before from");
        var filter = new AuditFilter(Trimmed(actor), Trimmed(action), Trimmed(target), unit,
            first is { } f ? QueryDay.StartUtc(f) : null, last is { } l ? QueryDay.StartUtc(l.AddDays(1)) : null);
        var (items, next) = await trail.SearchAsync(account, filter, page, ct);
        return TypedResults.Ok(new AuditPage(items, next));
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
