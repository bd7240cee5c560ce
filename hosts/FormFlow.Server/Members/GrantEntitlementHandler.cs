using System.Text.Json.Nodes;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Members;
using FormFlow.Server.Effects;

namespace FormFlow.Server.Members;

/// <summary>
/// <c>grantEntitlement</c>: gives the member (the step's <c>member</c> account, else the applicant) a benefit with a
/// yearly quota. A member holds one entitlement per benefit: a later grant sets its quota; a retried grant changes
/// nothing. The name comes from the member's benefits service when it offers the benefit, else the benefit ID.
/// </summary>
internal sealed class GrantEntitlementHandler(IBenefitOffers offers) : IEffectHandler
{
    public string Kind => "grantEntitlement";

    public async Task HandleAsync(EffectRequest request, CancellationToken ct)
    {
        var payload = request.Item.Payload;
        var benefit = EffectPayload.RequiredString(payload, "benefit", Kind);
        var quota = EffectPayload.RequiredInt(payload, "quotaPerYear", Kind);
        if (quota < 1) throw new InvalidOperationException($"{Kind}: quotaPerYear must be at least 1, not {quota}");
        var member = await MemberLookup.RequireByAccountAsync(request.Db, EffectPayload.Account(request), Kind, ct);

        var held = member.Entitlements.FirstOrDefault(e => e.BenefitId == benefit);
        if (held?.IdempotencyKey == request.IdempotencyKey) return;
        var name = (await offers.ForOrgAsync(request.Db, member.OrgUnitId, ct)).FirstOrDefault(o => o.BenefitId == benefit)?.Name ?? benefit;
        if (held is null)
        {
            member.Entitlements.Add(new Entitlement
            {
                BenefitId = benefit, Name = name, Quota = quota, GrantedAt = request.Now.UtcDateTime, IdempotencyKey = request.IdempotencyKey,
            });
        }
        else
        {
            held.Quota = quota;
            held.IdempotencyKey = request.IdempotencyKey;
        }
        AuditLog.Append(request.Db, AuditLog.SystemActor, "member.entitlement.granted", $"member:{member.MemberNumber}", member.OrgUnitId,
            new JsonObject { ["case"] = request.CaseId, ["benefit"] = benefit, ["quotaPerYear"] = quota });
    }
}
