using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FormFlow.Server.Notifications;

/// <summary>
/// The title and body a person reads: the texts the module's notify step gave (its translations merged in), in the
/// reader's locale with zh-CN as the fallback, each <c>{key}</c> filled from the message's data. The server's own
/// messages (task reminders, requests for information) have their texts here. A template key never reaches a user.
/// </summary>
internal static partial class NotificationTexts
{
    public static readonly string[] Locales = ["zh-CN", "zh-TW", "en"];

    private static readonly JsonObject ServerTexts = JsonNode.Parse("""
        {
          "taskReminder": {
            "title": { "zh-CN": "待办事项即将到期", "zh-TW": "待辦事項即將到期", "en": "A task is nearly due" },
            "body": { "zh-CN": "您有一项待办事项还有 {daysBefore} 个工作日到期，请及时办理。", "zh-TW": "您有一項待辦事項還有 {daysBefore} 個工作日到期，請及時辦理。", "en": "A task of yours is due in {daysBefore} working days." }
          },
          "handOff": {
            "title": { "zh-CN": "有案件移交本单位办理", "zh-TW": "有案件移交本單位辦理", "en": "A case was handed to your union" },
            "body": { "zh-CN": "案件 {number} 已由{from}移交{to}办理：{reason}", "zh-TW": "案件 {number} 已由{from}移交{to}辦理：{reason}", "en": "Case {number} was handed from {from} to {to}: {reason}" }
          },
          "requestInformation": {
            "title": { "zh-CN": "请补充材料", "zh-TW": "請補充材料", "en": "Please add information" },
            "body": { "zh-CN": "{message}", "en": "{message}" }
          },
          "": {
            "title": { "zh-CN": "办理进展通知", "zh-TW": "辦理進展通知", "en": "News about your case" },
            "body": { "zh-CN": "您的申请有新的进展，请在“我的办件”中查看。", "zh-TW": "您的申請有新的進展，請在「我的辦件」中查看。", "en": "There is news about your application; see My cases." }
          }
        }
        """)!.AsObject();

    /// <summary>The texts a notify effect carries (its title and body), or the server's own for its templates; stored with the message.</summary>
    public static string For(string template, JsonNode? payload)
    {
        var texts = payload?["title"] is JsonObject title && payload["body"] is JsonObject body
            ? new JsonObject { ["title"] = title.DeepClone(), ["body"] = body.DeepClone() }
            : (JsonObject)(ServerTexts[template] ?? ServerTexts[""])!.DeepClone();
        return texts.ToJsonString();
    }

    /// <summary>A stored message's title and body in the locale, placeholders filled from its data.</summary>
    public static (string Title, string Body) Read(string? stored, JsonNode? data, string? locale)
    {
        var texts = stored is null ? ServerTexts[""]!.AsObject() : JsonNode.Parse(stored)!.AsObject();
        return (Fill(In(texts["title"], locale), data), Fill(In(texts["body"], locale), data));
    }

    /// <summary>The reader's locale if one of ours, else zh-CN.</summary>
    public static string LocaleOf(string? requested) => Locales.Contains(requested) ? requested! : "zh-CN";

    private static string In(JsonNode? localized, string? locale) =>
        (string?)localized?[LocaleOf(locale)] ?? (string?)localized?["zh-CN"] ?? "";

    private static string Fill(string text, JsonNode? data) =>
        Placeholder().Replace(text, m => data?[m.Groups[1].Value] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v => v.ToJsonString(),
            _ => "",
        });

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
