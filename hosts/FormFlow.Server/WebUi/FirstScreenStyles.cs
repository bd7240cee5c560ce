using System.Text.RegularExpressions;

namespace FormFlow.Server.WebUi;

/// <summary>
/// A page holding a drawn first screen carries its own stylesheets in the page, under the page's nonce, so that the
/// screen paints as the page arrives: linked, they were another round trip that held the first paint (on Fast 3G the
/// drawn sign-in painted at ~0.86 s, with its page in at 0.2 s). The links stay, as <c>media="print"</c>: they apply
/// to nothing on screen, do not hold the paint, and tell the app's chunk loader (Vite's preload helper, which looks for
/// a stylesheet link by its address) that these sheets are on the page already. The Portal's own sheets are about 17 KB
/// (5 KB compressed); a sheet holding <c>&lt;/style</c> stays linked.
/// </summary>
internal sealed partial class FirstScreenStyles(WebRootFiles files)
{
    [GeneratedRegex("<link rel=\"stylesheet\" crossorigin href=\"(/assets/[^\"<>]+\\.css)\">")]
    private static partial Regex SheetLink();

    /// <summary><paramref name="html"/> with each of its linked stylesheets also written into it under <paramref name="nonce"/>.</summary>
    public async Task<string> InlineAsync(string html, string nonce, CancellationToken ct)
    {
        var links = SheetLink().Matches(html);
        if (links.Count == 0) return html;
        var page = new System.Text.StringBuilder(html.Length + 20_000);
        var at = 0;
        foreach (Match link in links)
        {
            page.Append(html, at, link.Index - at);
            at = link.Index + link.Length;
            if (await ReadAsync(link.Groups[1].Value, ct) is not { } sheet) { page.Append(link.Value); continue; }
            page.Append($"<style nonce=\"{nonce}\">").Append(sheet).Append("</style>")
                .Append(link.Value.Replace(">", " media=\"print\">", StringComparison.Ordinal));
        }
        return page.Append(html, at, html.Length - at).ToString();
    }

    /// <summary>The sheet's text, or null when it is missing or would end the style element early.</summary>
    private Task<string?> ReadAsync(string address, CancellationToken ct) => files.ReadAsync(address.TrimStart('/'),
        text => text.Contains("</style", StringComparison.OrdinalIgnoreCase) ? null : text, ct);
}
