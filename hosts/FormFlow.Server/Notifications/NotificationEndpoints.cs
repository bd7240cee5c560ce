using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Server.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Notifications;

/// <summary>My notifications in the Portal (newest first) and marking one read.</summary>
internal static class NotificationEndpoints
{
    /// <summary>A message as its reader sees it: title and body in their locale; the template is its key for machines, never shown.</summary>
    public sealed record NotificationView(long Id, long? CaseId, string Channel, string Template, string Title, string Body, JsonNode? Data, DateTime CreatedAt, bool Read);

    internal sealed record NotificationPage(List<NotificationView> Items, string? Next);

    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization().ProducesProblem(401);
        group.MapGet("/", ListAsync).ProducesProblem(400)
            .WithSummary($"My notifications, newest first, titled and worded in ?locale= (zh-CN, zh-TW, en; zh-CN when absent or another); {IdPage.Describe}.");
        group.MapPost("/{id:long}/read", ReadAsync).ProducesProblem(404).WithSummary("Mark one of my notifications read.");
    }

    private static async Task<Results<Ok<NotificationPage>, ProblemHttpResult>> ListAsync(string? locale, int? limit, string? cursor,
        FormFlowDbContext db, PiiProtector pii, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!IdPage.TryRead(limit, cursor, out var page, out var problem)) return problem!;
        var mine = db.Notifications.AsNoTracking().Where(n => n.AccountId == account.Id);
        if (page.Before is { } before) mine = mine.Where(n => n.Id < before);
        var rows = await mine.OrderByDescending(n => n.Id).Take(page.Limit + 1).ToListAsync(ct);
        // Data is sealed at rest (Privacy/EffectSealing); its owner reads it plain.
        var (items, next) = page.Cut(rows.Select(n =>
        {
            var data = pii.Open(n.Data);
            var (title, body) = NotificationTexts.Read(n.Texts, data, locale);
            return new NotificationView(n.Id, n.CaseId, n.Channel, n.Template, title, body, data, n.CreatedAt, n.ReadAt is not null);
        }).ToList(), n => n.Id);
        return TypedResults.Ok(new NotificationPage(items, next));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(long id, FormFlowDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var row = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.AccountId == account.Id, ct);
        if (row is null) return TypedResults.Problem(statusCode: 404, title: "Notification not found", detail: $"notification {id} does not exist or is not yours");
        row.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
