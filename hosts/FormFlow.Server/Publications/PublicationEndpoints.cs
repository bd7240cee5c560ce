using FormFlow.Persistence;
using FormFlow.Persistence.Publications;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Publications;

/// <summary>The feed (reading) and publications (authoring). Endpoints translate HTTP; FeedReader and PublicationAuthoring do the work.</summary>
internal static class PublicationEndpoints
{
    public static void MapPublicationEndpoints(this IEndpointRouteBuilder app)
    {
        var feed = app.MapGroup("/api/feed").WithTags("Feed").RequireAuthorization().ProducesProblem(400).ProducesProblem(401);
        feed.MapGet("/", PageAsync).Produces<FeedPage>()
            .WithSummary("Published, current items visible to me (published at any org on my chain), pinned first then newest. " +
                         "kind filters (notice, faq, showcase, directory); q finds text by any substring of two or more characters; cursor is 'next' of the previous page.");
        feed.MapGet("/{id:long}", ReadAsync).Produces<PublicationView>().ProducesProblem(404)
            .WithSummary("One item, and one read counted for me. uniqueReaders and reads only for staff with a role at the publishing org or above.");

        var authoring = app.MapGroup("/api/publications").WithTags("Publications").RequireAuthorization()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        authoring.MapGet("/", EditableAsync).Produces<IReadOnlyList<FeedItemView>>()
            .WithSummary("Items at or below the orgs where I may author (designer, admin), drafts and withdrawn included.");
        authoring.MapGet("/{id:long}", ForEditingAsync).Produces<PublicationView>()
            .WithSummary("One item as its author edits it (drafts too); no read is counted.");
        authoring.MapPost("/", CreateAsync).Produces<PublicationView>(201)
            .WithSummary("Creates a draft. The body is sanitised; files must be ones I may read.");
        authoring.MapPut("/{id:long}", UpdateAsync).Produces<PublicationView>()
            .WithSummary("Changes an item (its kind stays).");
        authoring.MapPost("/{id:long}/publish", PublishAsync).Produces<PublicationView>().ProducesProblem(409)
            .WithSummary("Publishes an item: from its publish time, or now.");
        authoring.MapPost("/{id:long}/withdraw", WithdrawAsync).Produces<PublicationView>()
            .WithSummary("Withdraws an item from the feed.");
    }

    private static Task<IResult> PageAsync(string? kind, string? q, string? cursor, int? limit, HttpContext http, FormFlowDbContext db, FeedReader reader, CancellationToken ct) =>
        AsAccountAsync(http, db, async account => TypedResults.Ok(await reader.PageAsync(account, kind, q, cursor, limit, ct)), ct);

    private static Task<IResult> ReadAsync(long id, HttpContext http, FormFlowDbContext db, FeedReader reader, CancellationToken ct) =>
        AsAccountAsync(http, db, async account => TypedResults.Ok(await reader.ReadAsync(account, id, ct)), ct);

    private static Task<IResult> EditableAsync(HttpContext http, FormFlowDbContext db, PublicationAuthoring authoring, CancellationToken ct) =>
        AsAccountAsync(http, db, async account => TypedResults.Ok(await authoring.EditableByAsync(account, ct)), ct);

    private static Task<IResult> ForEditingAsync(long id, HttpContext http, FormFlowDbContext db, PublicationAuthoring authoring, CancellationToken ct) =>
        AsAccountAsync(http, db, async account => TypedResults.Ok(await authoring.ForEditingAsync(account, id, ct)), ct);

    private static Task<IResult> CreateAsync(PublicationInput input, HttpContext http, FormFlowDbContext db, PublicationAuthoring authoring, CancellationToken ct) =>
        AsAccountAsync(http, db, async account =>
        {
            var view = await authoring.CreateAsync(account, input, ct);
            return TypedResults.Created($"/api/feed/{view.Id}", view);
        }, ct);

    private static Task<IResult> UpdateAsync(long id, PublicationInput input, HttpContext http, FormFlowDbContext db, PublicationAuthoring authoring, CancellationToken ct) =>
        AsAccountAsync(http, db, async account => TypedResults.Ok(await authoring.UpdateAsync(account, id, input, ct)), ct);

    private static Task<IResult> PublishAsync(long id, HttpContext http, FormFlowDbContext db, PublicationAuthoring authoring, CancellationToken ct) =>
        AsAccountAsync(http, db, async account => TypedResults.Ok(await authoring.SetStatusAsync(account, id, PublicationStatuses.Published, ct)), ct);

    private static Task<IResult> WithdrawAsync(long id, HttpContext http, FormFlowDbContext db, PublicationAuthoring authoring, CancellationToken ct) =>
        AsAccountAsync(http, db, async account => TypedResults.Ok(await authoring.SetStatusAsync(account, id, PublicationStatuses.Withdrawn, ct)), ct);

    private static async Task<IResult> AsAccountAsync(HttpContext http, FormFlowDbContext db, Func<Persistence.Accounts.Account, Task<IResult>> work, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        try
        {
            return await work(account);
        }
        catch (PublicationRefused refused)
        {
            return refused.ToResult();
        }
    }
}
