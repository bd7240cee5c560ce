using FormFlow.Persistence;
using FormFlow.Persistence.Deliveries;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Deliveries;

/// <summary>The channels a person hears from FormFlow on, and muting the ones they do not want (never in-app).</summary>
internal static class ChannelPreferences
{
    public const string InApp = "inApp";

    /// <param name="Mutable">False for in-app: the Portal's own messages always arrive.</param>
    public sealed record ChannelView(string Channel, bool Muted, bool Mutable);

    public sealed record ChannelsView(List<ChannelView> Channels);

    public sealed record MuteRequest(List<string> Muted);

    public static async Task<ChannelsView> ReadAsync(FormFlowDbContext db, string accountId, CancellationToken ct)
    {
        var muted = await db.ChannelMutes.AsNoTracking().Where(m => m.AccountId == accountId).Select(m => m.Channel).ToListAsync(ct);
        return new ChannelsView([new ChannelView(InApp, false, false), .. ChannelSettings.Outgoing.Select(c => new ChannelView(c, muted.Contains(c), true))]);
    }

    /// <summary>Replaces the muted channels; the error names the channel when one cannot be muted or does not exist.</summary>
    public static async Task<string?> MuteAsync(FormFlowDbContext db, string accountId, IReadOnlyCollection<string> channels, CancellationToken ct)
    {
        if (channels.FirstOrDefault(c => !ChannelSettings.Outgoing.Contains(c)) is { } bad)
            return bad == InApp ? "in-app messages cannot be muted" : $"'{bad}' is not a channel; channels are {string.Join(", ", ChannelSettings.Outgoing)}";
        await db.ChannelMutes.Where(m => m.AccountId == accountId).ExecuteDeleteAsync(ct);
        db.ChannelMutes.AddRange(channels.Distinct().Select(c => new ChannelMute { AccountId = accountId, Channel = c }));
        await db.SaveChangesAsync(ct);
        return null;
    }
}
