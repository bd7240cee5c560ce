using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Notifications;

/// <summary>
/// Who a workflow's recipient is in the Portal: <c>role@orgId</c> (task reminders) → every holder of the role at
/// that org; the applicant's account ID, "applicant", or a value from the applicant's own form data (their mobile
/// number, say) → the applicant; a user name → that account. Anything else has no Portal account.
/// </summary>
internal static class NotificationRecipients
{
    public static async Task<List<string>> ResolveAsync(FormFlowDbContext db, string recipient, string applicantId, long caseId, CancellationToken ct)
    {
        var at = recipient.LastIndexOf('@');
        if (at > 0 && int.TryParse(recipient[(at + 1)..], out var orgId) && Roles.All.Contains(recipient[..at]))
        {
            var role = recipient[..at];
            return await db.RoleAssignments.Where(r => r.Role == role && r.OrgUnitId == orgId).Select(r => r.AccountId).Distinct().ToListAsync(ct);
        }
        if (recipient == applicantId || recipient == "applicant") return [applicantId];
        // The entity, not a projection of Data: loading a case decrypts its personal values (Privacy/CaseSealing).
        var data = (await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct))?.Data;
        if (data is not null && JsonNode.Parse(data) is JsonObject fields
            && fields.Any(f => f.Value is JsonValue v && v.TryGetValue<string>(out var s) && s == recipient))
            return [applicantId];
        return await db.Users.Where(a => a.UserName == recipient).Select(a => a.Id).ToListAsync(ct);
    }

    /// <summary>Adds one notification per account, with its texts (<see cref="NotificationTexts.For"/>), unless this effect already notified it (retries add nothing); returns those added.</summary>
    public static async Task<List<Notification>> AddAsync(FormFlowDbContext db, IEnumerable<string> accountIds, long caseId, string effectKey,
        string channel, string recipient, string template, JsonNode? data, string texts, DateTime now, CancellationToken ct)
    {
        var ids = accountIds.Distinct().ToList();
        var done = await db.Notifications.Where(n => n.EffectKey == effectKey && ids.Contains(n.AccountId)).Select(n => n.AccountId).ToListAsync(ct);
        var added = ids.Except(done).Select(id => new Notification
        {
            AccountId = id, CaseId = caseId, Channel = channel, Recipient = recipient.Length <= 256 ? recipient : recipient[..256],
            Template = template, Data = data?.ToJsonString() ?? "{}", Texts = texts, EffectKey = effectKey, CreatedAt = now,
        }).ToList();
        db.Notifications.AddRange(added);
        return added;
    }
}
