using FormFlow.Persistence;
using FormFlow.Server.Deliveries;
using FormFlow.Server.Privacy;
using FormFlow.Server.Effects;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Notifications;

/// <summary>
/// Carries out the workflow's <c>notify</c> items: a Portal notification for each account the recipient names and,
/// on the sms and wechat channels, the same message on its way out (<see cref="Outgoing"/>) unless the person muted
/// that channel. An SMS to a mobile number with no Portal account goes out by SMS only; any other recipient with no
/// Portal account is logged (masked) and the item counts as handled.
/// </summary>
internal sealed class NotifyEffect(ILogger<NotifyEffect> log) : IEffectHandler
{
    public string Kind => "notify";

    public async Task HandleAsync(EffectRequest request, CancellationToken ct)
    {
        var payload = request.Item.Payload;
        var recipient = payload["recipient"]?.ToString() ?? "";
        var channel = (string?)payload["channel"] ?? "inbox";
        var template = (string?)payload["template"] ?? "message";
        var texts = NotificationTexts.For((string?)payload["template"] ?? "", payload);
        var data = payload["data"]?.DeepClone();
        var now = request.Now.UtcDateTime;
        var accounts = await NotificationRecipients.ResolveAsync(request.Db, recipient, request.ApplicantAccountId, request.CaseId, ct);
        var added = await NotificationRecipients.AddAsync(request.Db, accounts, request.CaseId, request.IdempotencyKey, channel, recipient, template, data, texts, now, ct);
        if (!ChannelSettings.Outgoing.Contains(channel)) return;
        // Messages leave in the recipient's default language: a gateway has no reader's locale.
        var (title, body) = NotificationTexts.Read(texts, data, null);
        foreach (var n in added)
        {
            var to = await Outgoing.AddressAsync(request.Db, channel, n.AccountId, recipient, ct);
            var org = n.AccountId == request.ApplicantAccountId ? request.ApplicantOrgUnitId : await OrgOfAsync(request.Db, n.AccountId, request.ApplicantOrgUnitId, ct);
            await Outgoing.QueueAsync(request.Db, channel, to, n.AccountId, org, template, title, body, now, ct);
        }
        if (accounts.Count == 0 && channel == ChannelSettings.Sms && Outgoing.IsMobile(recipient))
            await Outgoing.QueueAsync(request.Db, channel, recipient, null, request.ApplicantOrgUnitId, template, title, body, now, ct);
        else if (accounts.Count == 0)
            log.LogWarning("Case {CaseId}: notify via {Channel} to {Recipient} names no Portal account and no address on the channel; not delivered",
                request.CaseId, channel, Masks.ForClass(channel == ChannelSettings.Sms ? "phone" : "other", recipient));
    }

    /// <summary>The union a recipient other than the applicant belongs to (their first role's), for their admins.</summary>
    private static async Task<int> OrgOfAsync(FormFlowDbContext db, string accountId, int fallback, CancellationToken ct) =>
        await db.RoleAssignments.Where(r => r.AccountId == accountId).OrderBy(r => r.Id).Select(r => (int?)r.OrgUnitId).FirstOrDefaultAsync(ct) ?? fallback;
}

/// <summary>A "request information" step tells the applicant, in the Portal, what to add.</summary>
internal sealed class RequestInformationEffect : IEffectHandler
{
    public string Kind => "requestInformation";

    public Task HandleAsync(EffectRequest request, CancellationToken ct) =>
        NotificationRecipients.AddAsync(request.Db, [request.ApplicantAccountId], request.CaseId, request.IdempotencyKey, "inbox",
            request.ApplicantAccountId, "requestInformation", request.Item.Payload.DeepClone(), NotificationTexts.For("requestInformation", null),
            request.Now.UtcDateTime, ct);
}
