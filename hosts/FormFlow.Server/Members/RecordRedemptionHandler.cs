using System.Text.Json.Nodes;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Members;
using FormFlow.Server.Effects;

namespace FormFlow.Server.Members;

/// <summary>
/// <c>recordRedemption</c>: records one use of the applicant's entitlement to the step's benefit, in the step's year.
/// The store's quota has the last word: when the workflow's own count let a use through that the store refuses
/// (another channel used it up meanwhile), nothing is recorded and the refusal goes to the audit log — retrying
/// would not change the answer.
/// </summary>
internal sealed class RecordRedemptionHandler : IEffectHandler
{
    public string Kind => "recordRedemption";

    public async Task HandleAsync(EffectRequest request, CancellationToken ct)
    {
        var payload = request.Item.Payload;
        var db = request.Db;
        if (await Redemptions.FindAsync(db, request.IdempotencyKey, ct) is not null) return;
        var benefit = EffectPayload.RequiredString(payload, "benefit", Kind);
        var member = await MemberLookup.RequireByAccountAsync(db, EffectPayload.Account(request), Kind, ct);
        var entitlement = member.Entitlements.FirstOrDefault(e => e.BenefitId == benefit)
            ?? throw new InvalidOperationException($"{Kind}: member {member.MemberNumber} holds no entitlement to '{benefit}'");
        var period = payload["year"] is JsonValue y && y.TryGetValue<int>(out var year) ? year.ToString("D4") : Quotas.PeriodOf(entitlement.Period, request.Now);
        var merchant = payload["merchant"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : null;

        var outcome = await Redemptions.RecordAsync(db, entitlement, new Redemption
        {
            At = request.Now.UtcDateTime, Period = period, CaseId = request.CaseId, IdempotencyKey = request.IdempotencyKey,
            Note = merchant is null ? null : "merchant: " + merchant,
        }, ct);
        var target = $"member:{member.MemberNumber}";
        var details = new JsonObject { ["case"] = request.CaseId, ["benefit"] = benefit, ["period"] = period };
        switch (outcome)
        {
            case RedemptionOutcome.Recorded:
                AuditLog.Append(db, AuditLog.SystemActor, "member.redemption.recorded", target, member.OrgUnitId, details);
                break;
            case RedemptionOutcome.QuotaExhausted refused:
                details["used"] = refused.Used;
                details["quota"] = refused.Quota;
                AuditLog.Append(db, AuditLog.SystemActor, "member.redemption.refused", target, member.OrgUnitId, details);
                break;
        }
    }
}
