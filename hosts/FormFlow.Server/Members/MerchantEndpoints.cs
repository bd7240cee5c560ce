using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Members;

/// <summary>
/// What a merchant does with a member's QR code: verify it (merchants and cadres) and record a benefit use (merchants).
/// Merchants see member names masked; a cadre sees the full name of members in their own subtree.
/// </summary>
internal static class MerchantEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int MaxKeyLength = 100;

    public static void MapMerchantEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/verify", VerifyAsync).WithTags("Members").RequireAuthorization()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403)
            .WithSummary("Check a member card credential (merchants and cadres). A forged, altered or expired credential is not an error: the answer says valid false with the reason.");
        app.MapPost("/api/redemptions", RedeemAsync).WithTags("Members").RequireAuthorization()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Record one use of a member's benefit (merchants), by entitlementId or benefitId. Idempotency-Key: the same key gives the same answer and no second use. 409 when the quota of the period is used up; 422 (rule merchantOffers) when the merchant does not offer the benefit; 422 (rule merchantActive) when the merchant is deactivated or outside its active window.");
    }

    private static async Task<Results<Ok<VerifyView>, ProblemHttpResult>> VerifyAsync(
        VerifyRequest request, FormFlowDbContext db, MemberCredentials credentials, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!account.Roles.Any(r => r.Role == Roles.Merchant || Roles.ReachesSubtree(r.Role)))
            return Forbidden("only merchants and union staff verify member cards");
        var (view, member) = await CheckAsync(request.Credential, account, db, credentials, clock.GetUtcNow(), ct);
        AuditLog.Append(db, account.UserName!, "member.card.verified", view.MemberNumber is null ? null : $"member:{view.MemberNumber}", member?.OrgUnitId ?? AuditLog.OrgOf(account),
            new JsonObject { ["valid"] = view.Valid, ["reason"] = view.Reason });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Created<RedemptionView>, ProblemHttpResult>> RedeemAsync(
        RedemptionRequest request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        FormFlowDbContext db, MemberCredentials credentials, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!account.Roles.Any(r => r.Role == Roles.Merchant)) return Forbidden("only merchants record benefit redemptions");
        if (request.EntitlementId is null && string.IsNullOrWhiteSpace(request.BenefitId))
            throw new BadHttpRequestException("/entitlementId or /benefitId is required: name the benefit to redeem");
        if (request.Note is { Length: > 500 }) throw new BadHttpRequestException("/note is longer than 500 characters");
        if (idempotencyKey is { Length: > MaxKeyLength } || idempotencyKey?.Trim().Length == 0)
            throw new BadHttpRequestException($"the {IdempotencyHeader} header must hold 1 to {MaxKeyLength} characters");

        var now = clock.GetUtcNow();
        var (view, member) = await CheckAsync(request.Credential, account, db, credentials, now, ct);
        if (!view.Valid || member is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "the member card is not valid",
                detail: view.Message, extensions: new Dictionary<string, object?>
                {
                    ["errors"] = new[] { new { path = "/credential", rule = view.Reason, message = view.Message } },
                });
        var entitlement = member.Entitlements.FirstOrDefault(e => request.EntitlementId is { } id ? e.Id == id : e.BenefitId == request.BenefitId);
        if (entitlement is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "entitlement not found",
                detail: request.EntitlementId is { } missing
                    ? $"member {member.MemberNumber} holds no entitlement {missing}"
                    : $"member {member.MemberNumber} holds no entitlement to '{request.BenefitId}'");

        var merchant = await db.Merchants.AsNoTracking().Include(m => m.Benefits)
            .SingleOrDefaultAsync(m => m.Accounts.Any(a => a.AccountId == account.Id), ct);
        var benefitPath = request.EntitlementId is null ? "/benefitId" : "/entitlementId";
        if (merchant is null || !merchant.IsActiveAt(now.UtcDateTime))
            return Unprocessable("the merchant is not active", merchant is null
                    ? $"{account.DisplayName} acts for no merchant record: the union links merchant accounts to their merchant"
                    : $"{merchant.Name} redeems benefits only while it is active" + Window(merchant),
                "/credential", "merchantActive", merchant is null ? "this account acts for no merchant" : $"{merchant.Name} is not active today");
        if (merchant.Benefits.All(b => b.BenefitId != entitlement.BenefitId))
            return Unprocessable("benefit not offered by this merchant",
                $"a merchant redeems only the benefits it offers; {merchant.Name} does not offer '{entitlement.BenefitId}' ({entitlement.Name})",
                benefitPath, "merchantOffers", $"'{entitlement.BenefitId}' is not among the benefits this merchant offers");
        var key = $"merchant:{account.Id}:{idempotencyKey?.Trim() ?? Guid.NewGuid().ToString("N")}";
        var redemption = new Redemption
        {
            MerchantAccountId = account.Id, At = now.UtcDateTime, Period = Quotas.PeriodOf(entitlement.Period, now),
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), IdempotencyKey = key,
        };
        var outcome = await RecordAsync(db, entitlement, redemption, account, member, ct);
        if (outcome is RedemptionOutcome.QuotaExhausted exhausted)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "quota exhausted",
                detail: $"{entitlement.Name}: {exhausted.Used} of {exhausted.Quota} uses in {exhausted.Period} are used; none is left",
                extensions: new Dictionary<string, object?> { ["used"] = exhausted.Used, ["quota"] = exhausted.Quota, ["period"] = exhausted.Period });

        var recorded = outcome is RedemptionOutcome.Recorded r ? r.Redemption : ((RedemptionOutcome.Replayed)outcome).Redemption;
        var current = await db.Entitlements.AsNoTracking().SingleAsync(e => e.Id == recorded.EntitlementId, ct);
        return TypedResults.Created($"/api/redemptions/{recorded.Id}",
            new RedemptionView(recorded.Id, EntitlementView.Of(current, now), MemberEndpoints.Utc(recorded.At), recorded.Note));
    }

    /// <summary>
    /// Claims the use and stores the redemption in one transaction. Two requests with one key racing: the second
    /// fails on the unique key, rolls back its claim and answers with the first one's redemption.
    /// </summary>
    private static async Task<RedemptionOutcome> RecordAsync(
        FormFlowDbContext db, Entitlement entitlement, Redemption redemption, Account merchant, Member member, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.BeginWriteTransactionAsync(ct);
            var outcome = await Redemptions.RecordAsync(db, entitlement, redemption, ct);
            if (outcome is not RedemptionOutcome.Recorded) return outcome;
            AuditLog.Append(db, merchant.UserName!, "member.redemption.recorded", $"member:{member.MemberNumber}", member.OrgUnitId,
                new JsonObject { ["benefit"] = entitlement.BenefitId, ["period"] = redemption.Period });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return outcome;
        }
        catch (DbUpdateException race) when (LostRace.Is(race))
        {
            // Any other failure (a full disk, a lost database) is the server's trouble and answers as such.
            db.ChangeTracker.Clear();
            return await Redemptions.FindAsync(db, redemption.IdempotencyKey, ct) is { } earlier
                ? new RedemptionOutcome.Replayed(earlier)
                : throw new InvalidOperationException($"recording redemption {redemption.IdempotencyKey} lost a race to no stored redemption", race);
        }
    }

    /// <summary>The credential checked against the key and the store: the answer for the caller, and the member when valid.</summary>
    private static async Task<(VerifyView View, Member? Member)> CheckAsync(
        string credential, Account caller, FormFlowDbContext db, MemberCredentials credentials, DateTimeOffset now, CancellationToken ct)
    {
        var check = credentials.Verify(credential);
        if (!check.Valid) return (Refused(check.Reason!, check.Message!), null);
        var member = await db.Members.Include(m => m.Account).Include(m => m.OrgUnit).Include(m => m.Entitlements)
            .SingleOrDefaultAsync(m => m.MemberNumber == check.MemberNumber, ct);
        if (member is null) return (Refused("unknownMember", $"no member has number {check.MemberNumber}"), null);
        var name = SeesFullName(caller, member.OrgUnit!) ? member.Account!.DisplayName : Masks.Name(member.Account!.DisplayName);
        var entitlements = member.Entitlements.OrderBy(e => e.Id).Select(e => EntitlementView.Of(e, now)).ToList();
        var suspended = member.Status != MemberStatus.Active;
        var view = new VerifyView(!suspended, suspended ? "suspended" : null, suspended ? "the membership is suspended" : null,
            member.MemberNumber, name, member.OrgUnit!.Name, member.Status, check.ExpiresAt, entitlements);
        return (view, suspended ? null : member);
    }

    private static bool SeesFullName(Account caller, OrgUnit memberOrg) =>
        caller.Roles.Any(r => Roles.ReachesSubtree(r.Role) && OrgSubtree.Contains(r.OrgUnit!.Path, memberOrg.Path));

    private static VerifyView Refused(string reason, string message) => new(false, reason, message, null, null, null, null, null, null);

    private static ProblemHttpResult Unprocessable(string title, string detail, string path, string rule, string message) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = new[] { new { path, rule, message } } });

    private static string Window(Merchant merchant) =>
        merchant.DeactivatedAt is not null ? " (it was deactivated)"
        : $" (from {merchant.ActiveFrom?.ToString("yyyy-MM-dd HH:mm") ?? "ever"} to {merchant.ActiveUntil?.ToString("yyyy-MM-dd HH:mm") ?? "open end"} UTC)";

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record VerifyRequest(string Credential);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record RedemptionRequest(string Credential, long? EntitlementId = null, string? BenefitId = null, string? Note = null);
