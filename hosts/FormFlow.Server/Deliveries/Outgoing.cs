using System.Text.RegularExpressions;
using FormFlow.Persistence;
using FormFlow.Persistence.Deliveries;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Deliveries;

/// <summary>
/// Puts messages on their way by SMS or WeChat: a <see cref="Delivery"/> in the caller's unit of work, which the
/// delivery pass sends. A recipient who muted the channel gets none. Nothing is saved here; the caller commits.
/// </summary>
internal static partial class Outgoing
{
    /// <summary>A mainland mobile number: 11 digits starting 13–19.</summary>
    public static bool IsMobile(string? text) => text is not null && Mobile().IsMatch(text);

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    /// <summary>Queues a message; false when the account muted the channel or there is no address to send to.</summary>
    public static async Task<bool> QueueAsync(FormFlowDbContext db, string channel, string? to, string? accountId, int? orgUnitId,
        string template, string title, string body, DateTime now, CancellationToken ct)
    {
        if (!ChannelSettings.Outgoing.Contains(channel) || string.IsNullOrEmpty(to)) return false;
        if (accountId is not null && await db.ChannelMutes.AnyAsync(m => m.AccountId == accountId && m.Channel == channel, ct)) return false;
        db.Deliveries.Add(new Delivery
        {
            Channel = channel, To = to, AccountId = accountId, OrgUnitId = orgUnitId, Template = template.Length <= 100 ? template : template[..100],
            Title = title.Length <= 200 ? title : title[..200], Body = body, CreatedAt = now, NextAttemptAt = now,
        });
        return true;
    }

    /// <summary>
    /// Where a message to an account goes on a channel: for SMS the number the workflow named, else the account's
    /// phone number or its user name when that is a mobile number (registered workers); for WeChat the user name,
    /// which the union's gateway maps to the person's WeChat identity. Null when there is none.
    /// </summary>
    public static async Task<string?> AddressAsync(FormFlowDbContext db, string channel, string accountId, string named, CancellationToken ct)
    {
        if (channel == ChannelSettings.Sms && IsMobile(named)) return named;
        var account = await db.Users.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.UserName, a.PhoneNumber }).SingleOrDefaultAsync(ct);
        if (account is null) return null;
        if (channel == ChannelSettings.WeChat) return account.UserName;
        return IsMobile(account.PhoneNumber) ? account.PhoneNumber : IsMobile(account.UserName) ? account.UserName : null;
    }
}
