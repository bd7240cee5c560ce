using FormFlow.Persistence.Database;

namespace FormFlow.Persistence.Deliveries;

/// <summary>
/// A message on its way out of FormFlow by SMS or WeChat (the Portal's in-app messages are <see cref="Notifications.Notification"/>s).
/// Claimed and sent by the delivery pass; a failed send backs off (<see cref="ClaimedWork.Postpone"/>) and after
/// bounded tries fails for good, shown to the recipient's admins. Sent when <see cref="ClaimedWork.DoneAt"/> is set.
/// The host stores <see cref="To"/> and <see cref="Body"/> sealed (a mobile number, a code, a name in a message).
/// </summary>
public sealed class Delivery : ClaimedWork
{
    /// <summary>sms or wechat.</summary>
    public required string Channel { get; set; }
    /// <summary>The address on the channel: a mobile number, or the account's user name for WeChat.</summary>
    public required string To { get; set; }
    /// <summary>The recipient's account, when the message is for one (a registration code is not).</summary>
    public string? AccountId { get; set; }
    /// <summary>The org whose admins see this delivery: the recipient's union, or the union a registrant chose; null: only admins of a top unit.</summary>
    public int? OrgUnitId { get; set; }
    /// <summary>The template key, for machines and the gateway; never shown as a text.</summary>
    public required string Template { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    /// <summary>The adapter that sent it (http, log), once sent.</summary>
    public string? Via { get; set; }
}

/// <summary>A channel (sms, wechat) an account does not want messages on. The in-app channel cannot be muted.</summary>
public sealed class ChannelMute
{
    public required string AccountId { get; set; }
    public required string Channel { get; set; }
}
