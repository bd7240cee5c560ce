using System.Text.Json.Nodes;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Points;
using FormFlow.Server.Effects;

namespace FormFlow.Server.Points;

/// <summary><c>awardPoints</c>: credits the member (the step's <c>member</c> account, else the applicant) once per step, within the kind's daily cap.</summary>
internal sealed class AwardPointsHandler : IEffectHandler
{
    public string Kind => "awardPoints";

    public async Task HandleAsync(EffectRequest request, CancellationToken ct)
    {
        var payload = request.Item.Payload;
        var points = EffectPayload.RequiredInt(payload, "points", Kind);
        if (points is < 1 or > PointsLedger.MaxAward) throw new InvalidOperationException($"{Kind}: points must be 1 to {PointsLedger.MaxAward}, not {points}");
        var cap = payload["dailyCap"] is null ? (int?)null : EffectPayload.RequiredInt(payload, "dailyCap", Kind);
        var reason = Bounded(EffectPayload.RequiredString(payload, "reason", Kind), PointsLedger.MaxReasonLength, "reason");
        var kind = Bounded(EffectPayload.RequiredString(payload, "kind", Kind), PointsLedger.MaxKindLength, "kind");
        var account = EffectPayload.Account(request);

        var entry = await PointsLedger.AwardAsync(request.Db,
            new PointsAward(account, points, kind, reason, cap, request.CaseId, request.IdempotencyKey, request.Now), ct);
        if (entry.Id != 0) return;
        AuditLog.Append(request.Db, AuditLog.SystemActor, "points.awarded", $"account:{account}", request.ApplicantOrgUnitId,
            new JsonObject { ["case"] = request.CaseId, ["kind"] = kind, ["points"] = entry.Points, ["capped"] = entry.Capped });
    }

    private string Bounded(string text, int max, string name) =>
        text.Length <= max ? text : throw new InvalidOperationException($"{Kind}: {name} is longer than {max} characters");
}
