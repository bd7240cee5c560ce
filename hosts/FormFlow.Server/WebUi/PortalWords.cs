using System.Text.Json;

namespace FormFlow.Server.WebUi;

/// <summary>
/// The Portal's own words for the hall's first screen, as its build wrote them to <c>portal-words.json</c>
/// (designer/src/portal/hall-words.ts): per locale the words the screen shows, and the word naming each module
/// category. The server keeps no words of its own. Read once per file version; null while the web root has none (a
/// build from before the first screen), and the page is then served without it.
/// </summary>
internal sealed class PortalWords(WebRootFiles files)
{
    public const string FileName = "portal-words.json";
    public const string DefaultLocale = "zh-CN";

    public sealed record Catalogue(Dictionary<string, Dictionary<string, string>> Words, Dictionary<string, string> Categories)
    {
        public bool Knows(string? locale) => locale is not null && Words.ContainsKey(locale);

        /// <summary>Whether the build wrote this word (in the default language, which every build has).</summary>
        public bool Has(string word) => Words.TryGetValue(DefaultLocale, out var words) && words.ContainsKey(word);

        public string Say(string locale, string word) => Words[Knows(locale) ? locale : DefaultLocale][word];

        /// <summary>A module category as the hall names it: a shipped category's word, another code as it is, none as 其他.</summary>
        public string CategoryName(string locale, string? code) =>
            code is null or "" ? Say(locale, "other") : Categories.TryGetValue(code, out var word) ? Say(locale, word) : code;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<Catalogue?> ReadAsync(CancellationToken ct) => files.ReadAsync(FileName,
        text => JsonSerializer.Deserialize<Catalogue>(text, Json) ?? throw new InvalidDataException($"{FileName} holds no words"), ct);
}
