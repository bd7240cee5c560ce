using FormFlow.Server.Privacy;
using FormFlow.Server.Effects;

namespace FormFlow.Server.Notifications;

/// <summary>
/// Carries out the workflow's <c>notify</c> items as Portal notifications. No SMS or mail gateway is wired: a
/// recipient with no Portal account is logged (masked) and the item counts as handled.
/// </summary>
internal sealed class NotifyEffect(ILogger<NotifyEffect> log) : IEffectHandler
{
    public string Kind => "notify";

    public async Task HandleAsync(EffectRequest request, CancellationToken ct)
    {
        var payload = request.Item.Payload;
        var recipient = payload["recipient"]?.ToString() ?? "";
        var channel = (string?)payload["channel"] ?? "inbox";
        var accounts = await NotificationRecipients.ResolveAsync(request.Db, recipient, request.ApplicantAccountId, request.CaseId, ct);
        if (accounts.Count == 0)
            log.LogWarning("Case {CaseId}: notify via {Channel} to {Recipient} has no Portal account and no {Channel} gateway is configured; not delivered",
                request.CaseId, channel, Masks.ForClass(channel == "sms" ? "phone" : "other", recipient), channel);
        await NotificationRecipients.AddAsync(request.Db, accounts, request.CaseId, request.IdempotencyKey, channel, recipient,
            (string?)payload["template"] ?? "message", payload["data"]?.DeepClone(), NotificationTexts.For((string?)payload["template"] ?? "", payload),
            request.Now.UtcDateTime, ct);
    }
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
