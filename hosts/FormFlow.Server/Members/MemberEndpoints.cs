using System.Buffers.Text;
using FormFlow.Persistence;
using FormFlow.Persistence.Members;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Members;

/// <summary>Members and benefits: a member's own card and entitlements, the public key, and the merchant's verify and redeem.</summary>
internal static class MemberEndpoints
{
    public static void MapMemberEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/members").WithTags("Members");
        members.MapGet("/me/card", CardAsync).RequireAuthorization().ProducesProblem(401).ProducesProblem(404)
            .WithSummary("My member card: member number, org, status and a short-lived signed credential with its QR code (SVG); refresh it before expiresAt. 404 when I am not a member yet.");
        members.MapGet("/me/entitlements", EntitlementsAsync).RequireAuthorization().ProducesProblem(401).ProducesProblem(404)
            .WithSummary("My benefits with their quota and uses in the current period.");
        members.MapGet("/me/redemptions", RedemptionsAsync).RequireAuthorization().ProducesProblem(400).ProducesProblem(401).ProducesProblem(404)
            .WithSummary($"My benefit uses (核销记录), newest first: when, which benefit, at which merchant; {Shared.IdPage.Describe}. 404 when I am not a member yet.");
        // Anonymous: whoever verifies a card offline needs the key, and a public key reveals nothing.
        members.MapGet("/public-key", PublicKey).AllowAnonymous()
            .WithSummary("The public key (PEM and JWK, ES256) that verifies member card credentials offline.");
        app.MapMerchantEndpoints();
        app.MapMemberImportEndpoints();
    }

    private static async Task<Results<Ok<CardView>, ProblemHttpResult>> CardAsync(
        FormFlowDbContext db, MemberCredentials credentials, HttpContext http, CancellationToken ct)
    {
        if (await MeAsync(db, http, ct) is not { } member) return NotAMember();
        var (credential, expiresAt) = credentials.Issue(member.MemberNumber, member.OrgUnitId);
        return TypedResults.Ok(new CardView(member.MemberNumber, member.Account!.DisplayName, member.OrgUnitId, member.OrgUnit!.Name,
            member.Status, Utc(member.Since), credential, expiresAt, MemberCardQr.Svg(credential)));
    }

    private static async Task<Results<Ok<List<EntitlementView>>, ProblemHttpResult>> EntitlementsAsync(
        FormFlowDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await MeAsync(db, http, ct) is not { } member) return NotAMember();
        var now = clock.GetUtcNow();
        return TypedResults.Ok(member.Entitlements.OrderBy(e => e.Id).Select(e => EntitlementView.Of(e, now)).ToList());
    }

    private static async Task<Results<Ok<MyRedemptionPage>, ProblemHttpResult>> RedemptionsAsync(
        int? limit, string? cursor, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!Shared.IdPage.TryRead(limit, cursor, out var page, out var bad)) return bad!;
        if (await MeAsync(db, http, ct) is not { } member) return NotAMember();
        var redemptions = db.Redemptions.AsNoTracking().Where(r => r.Entitlement!.MemberId == member.Id);
        if (page.Before is { } before) redemptions = redemptions.Where(r => r.Id < before);
        var found = await redemptions.OrderByDescending(r => r.Id).Take(page.Limit + 1)
            .Select(r => new MyRedemption(r.Id, r.At, r.Entitlement!.BenefitId, r.Entitlement.Name,
                db.MerchantAccounts.Where(l => l.AccountId == r.MerchantAccountId).Select(l => l.Merchant!.Name).FirstOrDefault(), r.Period))
            .ToListAsync(ct);
        var (items, next) = page.Cut(found, r => r.Id);
        return TypedResults.Ok(new MyRedemptionPage(items.Select(r => r with { At = DateTime.SpecifyKind(r.At, DateTimeKind.Utc) }).ToList(), next));
    }

    private static Ok<PublicKeyView> PublicKey(CardSigningKey key)
    {
        var p = key.Key.ExportParameters(includePrivateParameters: false);
        return TypedResults.Ok(new PublicKeyView(MemberCredentials.Algorithm, key.KeyId, key.PublicKeyPem(),
            new PublicJwk("EC", "P-256", Base64Url.EncodeToString(p.Q.X), Base64Url.EncodeToString(p.Q.Y), key.KeyId, MemberCredentials.Algorithm, "sig")));
    }

    private static Task<Member?> MeAsync(FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        var accountId = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        return db.Members.AsNoTracking().Include(m => m.Account).Include(m => m.OrgUnit).Include(m => m.Entitlements)
            .SingleOrDefaultAsync(m => m.AccountId == accountId, ct);
    }

    private static ProblemHttpResult NotAMember() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "not a member yet", detail: "you have no member card: it is issued when your join application is approved");

    /// <summary>Stored times are UTC (see UtcDateTimes).</summary>
    internal static DateTimeOffset Utc(DateTime stored) => new(stored);
}

/// <summary>One use of my benefit: when (UTC), the benefit, the merchant that recorded it (null when a workflow step did) and the quota period it counted in.</summary>
internal sealed record MyRedemption(long Id, DateTime At, string BenefitId, string BenefitName, string? Merchant, string Period);

internal sealed record MyRedemptionPage(List<MyRedemption> Items, string? Next);
