namespace FormFlow.Server.Deliveries;

/// <summary>
/// How one outgoing channel sends, from <c>FormFlow:Channels:Sms</c> or <c>FormFlow:Channels:WeChat</c>:
/// <c>Adapter</c> <c>http</c> (a gateway at <c>Url</c>, requests signed with <c>Secret</c>; see GATEWAY.md) or
/// <c>log</c> (kept for admins to read on the Studio's 消息投递 page, sent nowhere). Unset, the demo uses <c>log</c>;
/// otherwise <c>http</c> when a URL is configured, else the channel is off and its messages fail with that reason.
/// </summary>
internal sealed record ChannelSettings(string Channel, string? Adapter, Uri? Url, string Secret)
{
    public const string Sms = "sms", WeChat = "wechat";
    public const string Http = "http", Log = "log";

    /// <summary>The channels a message can leave by besides the Portal's own (in-app), which is never muted.</summary>
    public static readonly string[] Outgoing = [Sms, WeChat];

    public static ChannelSettings From(IConfiguration config, string channel, bool demo)
    {
        var section = config.GetSection($"FormFlow:Channels:{(channel == Sms ? "Sms" : "WeChat")}");
        var url = section["Url"] is { Length: > 0 } u ? new Uri(u, UriKind.Absolute) : null;
        var adapter = section["Adapter"] is { Length: > 0 } a ? a.ToLowerInvariant() : demo ? Log : url is not null ? Http : null;
        if (adapter is not (null or Http or Log))
            throw new InvalidOperationException($"FormFlow:Channels:{channel}:Adapter must be '{Http}' or '{Log}', not '{adapter}'");
        if (adapter == Http && (url is null || string.IsNullOrEmpty(section["Secret"])))
            throw new InvalidOperationException($"FormFlow:Channels:{channel} uses the http adapter: set its Url and Secret");
        return new ChannelSettings(channel, adapter, url, section["Secret"] ?? "");
    }
}
