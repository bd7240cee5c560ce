using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace FormFlow.Server.Publications;

/// <summary>
/// The one gate rich text passes before it is stored: HtmlSanitizer with a short list of tags, no styles, no event
/// handlers, links to http(s), mailto and tel only, and images only from this server's files API — the pages' CSP
/// (img-src 'self') would block any other image, and a reader's browser should not call out to third parties.
/// </summary>
internal static partial class RichText
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitise(string html) => Sanitizer.Sanitize(html);

    /// <summary>The text a reader sees, without tags, for search.</summary>
    public static string TextOf(string sanitisedHtml)
    {
        var document = new HtmlParser().ParseDocument($"<body>{sanitisedHtml}</body>");
        return string.Join(' ', document.Body!.Descendants<IText>().Select(t => t.Data));
    }

    /// <summary>The IDs of stored files the body's images show.</summary>
    public static IReadOnlyList<string> ImageFileIds(string sanitisedHtml) =>
        OwnFileSource().Matches(sanitisedHtml).Select(m => m.Groups[1].Value).Distinct().ToList();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "a", "img", "blockquote",
                "hr", "table", "thead", "tbody", "tr", "th", "td", "code", "pre",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "colspan", "rowspan" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.TagName.Equals("img", StringComparison.OrdinalIgnoreCase))
                e.SanitizedUrl = OwnFileUrl().IsMatch(e.OriginalUrl) ? e.OriginalUrl : null;
            else if (e.SanitizedUrl is { } url && url.StartsWith("//", StringComparison.Ordinal))
                e.SanitizedUrl = null; // protocol-relative: another host under this page's scheme
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link && link.HasAttribute("href"))
                link.SetAttribute("rel", "noopener noreferrer");
        };
        return sanitizer;
    }

    [GeneratedRegex("^/api/files/([0-9a-f]{32})$")]
    private static partial Regex OwnFileUrl();

    [GeneratedRegex("src=\"/api/files/([0-9a-f]{32})\"")]
    private static partial Regex OwnFileSource();
}
