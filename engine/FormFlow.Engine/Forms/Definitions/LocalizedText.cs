namespace FormFlow.Engine.Forms.Definitions;

/// <summary>Text per locale ("zh-CN", "zh-TW", "en"). zh-CN is required and is the fallback for a missing locale.</summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public const string DefaultLocale = "zh-CN";
    public static readonly IReadOnlyList<string> Locales = ["zh-CN", "zh-TW", "en"];

    public LocalizedText() : base(StringComparer.Ordinal) { }

    public LocalizedText(IEnumerable<KeyValuePair<string, string>> texts) : base(texts, StringComparer.Ordinal) { }

    public string Get(string? locale) =>
        locale is not null && TryGetValue(locale, out var text) ? text
        : TryGetValue(DefaultLocale, out var fallback) ? fallback
        : "";

    /// <summary>The locale that will actually be used: unknown locales fall back to zh-CN.</summary>
    public static string Normalize(string? locale) => locale is not null && Locales.Contains(locale) ? locale : DefaultLocale;
}
