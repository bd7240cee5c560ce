using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Server.Effects;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Notifications;

/// <summary>
/// <c>handOff</c>: the workflow has moved the case to another org (its timeline says so and its next steps are
/// assigned there); the server tells that org's case handlers in the Portal, so a case that arrives with no task
/// yet is not missed, and audits the move.
/// </summary>
internal sealed class HandOffEffect : IEffectHandler
{
    public string Kind => "handOff";

    public async Task HandleAsync(EffectRequest request, CancellationToken ct)
    {
        var payload = request.Item.Payload;
        var from = int.TryParse((string?)payload["from"], out var f) ? f : (int?)null;
        if (!int.TryParse((string?)payload["to"], out var to) || !await request.Db.OrgUnits.AnyAsync(o => o.Id == to, ct))
            throw new InvalidOperationException($"handOff: the receiving org '{payload["to"]}' does not exist");
        var handlers = await TellHandlersAsync(request.Db, request.CaseId, from, to, (string?)payload["reason"], request.IdempotencyKey, request.Now.UtcDateTime, ct);
        AuditLog.Append(request.Db, AuditLog.SystemActor, "case.handedOff", $"case:{request.CaseId}", request.ApplicantOrgUnitId,
            new JsonObject { ["from"] = from, ["to"] = to, ["reason"] = (string?)payload["reason"], ["notified"] = handlers });
    }

    /// <summary>
    /// Tells the case handlers at <paramref name="to"/> (its staff other than designers and analysts) that the case
    /// arrived there from <paramref name="from"/>, up or down, once per <paramref name="key"/>; the number told.
    /// </summary>
    internal static async Task<int> TellHandlersAsync(FormFlowDbContext db, long caseId, int? from, int to, string? reason, string key, DateTime now, CancellationToken ct)
    {
        var names = await db.OrgUnits.Where(o => o.Id == to || o.Id == from).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var number = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Number).SingleAsync(ct);
        var handlers = await db.RoleAssignments
            .Where(r => r.OrgUnitId == to && r.Role != Roles.Worker && r.Role != Roles.Merchant && r.Role != Roles.Designer && r.Role != Roles.Analyst)
            .Select(r => r.AccountId).Distinct().ToListAsync(ct);
        var data = new JsonObject
        {
            ["number"] = number, ["from"] = from is { } id ? names.GetValueOrDefault(id, "") : "", ["to"] = names[to], ["reason"] = reason ?? "",
        };
        await NotificationRecipients.AddAsync(db, handlers, caseId, key, "inbox", $"handlers@{to}", "handOff", data, NotificationTexts.For("handOff", null), now, ct);
        return handlers.Count;
    }
}
