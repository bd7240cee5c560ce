using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Deliveries;

/// <summary>Admins' view of outgoing messages and failed effects (Studio 消息投递), and a member's muted channels.</summary>
internal static class DeliveryEndpoints
{
    internal sealed record DeliveryPage(List<DeliveryBoard.DeliveryView> Items, string? Next);
    internal sealed record FailedEffectPage(List<DeliveryBoard.FailedEffectView> Items, string? Next);

    public static void MapDeliveryEndpoints(this IEndpointRouteBuilder app)
    {
        var deliveries = app.MapGroup("/api/deliveries").WithTags("Deliveries").RequireAuthorization().ProducesProblem(401).ProducesProblem(403);
        deliveries.MapGet("/", ListAsync).ProducesProblem(400)
            .WithSummary($"SMS and WeChat messages to people of my admin subtrees, newest first: ?status= (pending, sent, failed), ?channel= (sms, wechat), ?via=log (the demo channel's messages, texts included); {IdPage.Describe}.");
        deliveries.MapPost("/{id:long}/retry", RetryAsync).ProducesProblem(404)
            .WithSummary("Sends a pending or failed message again now (a failed one gets one more try).");
        var effects = app.MapGroup("/api/outbox").WithTags("Deliveries").RequireAuthorization().ProducesProblem(401).ProducesProblem(403);
        effects.MapGet("/failed", FailedAsync).ProducesProblem(400)
            .WithSummary($"Workflow effects of cases in my admin subtrees that failed for good, with the reason, newest first; {IdPage.Describe}.");
        effects.MapPost("/{id:long}/retry", RetryEffectAsync).ProducesProblem(404)
            .WithSummary("Gives a failed workflow effect one more try now.");
        var me = app.MapGroup("/api/me/channels").WithTags("Notifications").RequireAuthorization().ProducesProblem(401);
        me.MapGet("/", MyChannelsAsync).WithSummary("The channels I get messages on and which I muted (in-app cannot be muted).");
        me.MapPut("/", MuteAsync).ProducesProblem(400).ProducesProblem(422)
            .WithSummary("Sets the channels I muted: { muted: [\"sms\", \"wechat\"] }; an empty list hears everything again.");
    }

    private static async Task<Results<Ok<DeliveryPage>, ProblemHttpResult>> ListAsync(string? status, string? channel, string? via, int? limit, string? cursor,
        DeliveryBoard board, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        if (status is not null && !DeliveryBoard.Statuses.Contains(status)) return Bad("status", $"status must be one of {string.Join(", ", DeliveryBoard.Statuses)}");
        if (channel is not null && !ChannelSettings.Outgoing.Contains(channel)) return Bad("channel", $"channel must be one of {string.Join(", ", ChannelSettings.Outgoing)}");
        if (via is not null and not (ChannelSettings.Http or ChannelSettings.Log)) return Bad("via", "via must be http or log");
        if (!IdPage.TryRead(limit, cursor, out var page, out var problem)) return problem!;
        var (items, next) = await board.ListAsync(admin, status, channel, via, page, ct);
        return TypedResults.Ok(new DeliveryPage(items, next));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RetryAsync(long id, DeliveryBoard board, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        return await board.RetryAsync(admin, id, ct) ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Delivery not found", detail: $"message {id} does not exist, was sent already, or is not in your subtree");
    }

    private static async Task<Results<Ok<FailedEffectPage>, ProblemHttpResult>> FailedAsync(int? limit, string? cursor, DeliveryBoard board, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        if (!IdPage.TryRead(limit, cursor, out var page, out var problem)) return problem!;
        var (items, next) = await board.FailedEffectsAsync(admin, page, ct);
        return TypedResults.Ok(new FailedEffectPage(items, next));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RetryEffectAsync(long id, DeliveryBoard board, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        return await board.RetryEffectAsync(admin, id, ct) ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Failed effect not found", detail: $"outbox item {id} does not exist, has not failed, or its case is not in your subtree");
    }

    private static async Task<Results<Ok<ChannelPreferences.ChannelsView>, ProblemHttpResult>> MyChannelsAsync(FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        return TypedResults.Ok(await ChannelPreferences.ReadAsync(db, account.Id, ct));
    }

    private static async Task<Results<Ok<ChannelPreferences.ChannelsView>, ProblemHttpResult>> MuteAsync(ChannelPreferences.MuteRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (await ChannelPreferences.MuteAsync(db, account.Id, body.Muted, ct) is { } refused) return FieldProblem.Invalid("muted", refused).ToResult();
        return TypedResults.Ok(await ChannelPreferences.ReadAsync(db, account.Id, ct));
    }

    private static async Task<Account?> AdminAsync(FormFlowDbContext db, HttpContext http, CancellationToken ct) =>
        await CurrentAccount.LoadAsync(db, http.User, ct) is { } account && account.Roles.Any(r => r.Role == Roles.Admin) ? account : null;

    private static ProblemHttpResult NotAdmin() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not an admin", detail: "only admins see message deliveries");

    private static ProblemHttpResult Bad(string parameter, string detail) => TypedResults.Problem(statusCode: 400, title: $"invalid {parameter}", detail: detail,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
