using System.Text.Json.Nodes;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Members;
using FormFlow.Server.Effects;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Members;

/// <summary>
/// <c>issueMemberCard</c>: makes the applicant a member of the org the step names (else the applicant's org) and
/// grants the benefits that org's benefits service offers. Once: a retry finds the member by the effect's key, and
/// an account that is already a member keeps its membership.
/// </summary>
internal sealed class IssueMemberCardHandler(IBenefitOffers offers) : IEffectHandler
{
    public string Kind => "issueMemberCard";

    public async Task HandleAsync(EffectRequest request, CancellationToken ct)
    {
        var db = request.Db;
        if (await db.Members.AnyAsync(m => m.IdempotencyKey == request.IdempotencyKey, ct)) return;
        if (await MemberLookup.ByAccountAsync(db, request.ApplicantAccountId, ct) is { } existing)
        {
            AuditLog.Append(db, AuditLog.SystemActor, "member.card.alreadyMember", $"member:{existing.MemberNumber}", existing.OrgUnitId,
                new JsonObject { ["case"] = request.CaseId });
            return;
        }
        var orgId = await OrgOfAsync(request, ct);
        var member = new Member
        {
            AccountId = request.ApplicantAccountId,
            MemberNumber = MemberNumbers.New(request.Now.ToOffset(Quotas.ChinaStandardTime).Year),
            OrgUnitId = orgId,
            Since = request.Now.UtcDateTime,
            CaseId = request.CaseId,
            IdempotencyKey = request.IdempotencyKey,
        };
        foreach (var offer in await offers.ForOrgAsync(db, orgId, ct))
            member.Entitlements.Add(new Entitlement
            {
                BenefitId = offer.BenefitId, Name = offer.Name, Quota = offer.QuotaPerYear, GrantedAt = member.Since,
                IdempotencyKey = $"{request.IdempotencyKey}:{offer.BenefitId}",
            });
        db.Members.Add(member);
        AuditLog.Append(db, AuditLog.SystemActor, "member.card.issued", $"member:{member.MemberNumber}", orgId, new JsonObject
        {
            ["case"] = request.CaseId,
            ["org"] = orgId,
            ["benefits"] = new JsonArray(member.Entitlements.Select(e => (JsonNode)$"{e.BenefitId}×{e.Quota}").ToArray()),
        });
    }

    /// <summary>The step's <c>org</c> when it names an existing org unit by ID, else the applicant's org.</summary>
    private static async Task<int> OrgOfAsync(EffectRequest request, CancellationToken ct)
    {
        var named = request.Item.Payload["org"] is JsonValue v && v.TryGetValue<string>(out var text) && int.TryParse(text, out var id) ? id
            : request.Item.Payload["org"] is JsonValue n && n.TryGetValue<int>(out var number) ? number : (int?)null;
        return named is { } org && await request.Db.OrgUnits.AnyAsync(o => o.Id == org, ct) ? org : request.ApplicantOrgUnitId;
    }
}
