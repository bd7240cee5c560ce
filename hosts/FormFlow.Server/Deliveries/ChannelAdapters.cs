using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FormFlow.Server.Deliveries;

/// <summary>One message as an adapter sends it (opened: its address and body are plain here).</summary>
internal sealed record OutgoingMessage(long Id, string Channel, string To, string Template, string Title, string Body);

/// <summary>Sends a message on a channel; throws when the channel did not take it (the delivery is then retried).</summary>
internal interface IChannelAdapter
{
    string Name { get; }

    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>
/// The HTTP gateway adapter (SMS and WeChat template messages, GATEWAY.md): POSTs the message as JSON with
/// <c>X-FormFlow-Timestamp</c> and <c>X-FormFlow-Signature: sha256=HMAC(secret, timestamp + "." + body)</c>; any
/// 2xx answer means the gateway took it.
/// </summary>
internal sealed class HttpGateway(ChannelSettings settings, HttpClient http, TimeProvider clock) : IChannelAdapter
{
    public const string HttpClientName = "FormFlow.Channels";
    public const string TimestampHeader = "X-FormFlow-Timestamp", SignatureHeader = "X-FormFlow-Signature";

    public string Name => ChannelSettings.Http;

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var body = Body(message).ToJsonString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Signature(settings.Secret, timestamp, body));
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"the {message.Channel} gateway answered {(int)response.StatusCode}: {(text.Length <= 200 ? text : text[..200])}");
        }
    }

    /// <summary>The signature header's value for a body sent at a timestamp (Unix seconds).</summary>
    public static string Signature(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    private static JsonObject Body(OutgoingMessage m) => m.Channel == ChannelSettings.Sms
        ? new JsonObject { ["id"] = m.Id.ToString(CultureInfo.InvariantCulture), ["to"] = m.To, ["template"] = m.Template, ["title"] = m.Title, ["text"] = m.Body }
        : new JsonObject { ["id"] = m.Id.ToString(CultureInfo.InvariantCulture), ["touser"] = m.To, ["template"] = m.Template, ["title"] = m.Title, ["text"] = m.Body };
}

/// <summary>The demo's channel: the message is sent nowhere; it stays readable by admins (Studio 消息投递 → 演示通道) and is logged without its text.</summary>
internal sealed class LogChannel(ILogger<LogChannel> log) : IChannelAdapter
{
    public string Name => ChannelSettings.Log;

    public Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        log.LogInformation("Delivery {Id} ({Channel}, {Template}) kept on the log channel", message.Id, message.Channel, message.Template);
        return Task.CompletedTask;
    }
}
