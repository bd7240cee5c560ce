namespace FormFlow.Persistence.Notifications;

/// <summary>
/// A message for one account in the Portal, written by the notify effect. Unique per effect key and account, so a
/// retried effect never notifies twice.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public long? CaseId { get; set; }
    /// <summary>
    /// The channel the workflow named (sms, inbox ...) and the recipient as it named it. The host stores the recipient
    /// and <see cref="Data"/> encrypted (a mobile number, a name), hence no length limit on the stored recipient.
    /// </summary>
    public required string Channel { get; set; }
    public required string Recipient { get; set; }
    public required string Template { get; set; }
    public string Data { get; set; } = "{}";
    /// <summary>
    /// What a person reads: <c>{"title": {locale: text}, "body": {locale: text}}</c> with <c>{key}</c> placeholders
    /// filled from <see cref="Data"/> when read (module texts, no personal data). Null on rows written before messages
    /// had texts; those are read with a generic text.
    /// </summary>
    public string? Texts { get; set; }
    public required string EffectKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
