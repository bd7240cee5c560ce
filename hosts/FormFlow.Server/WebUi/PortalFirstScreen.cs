using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Services;
using FormFlow.Server.Shared;
using FormFlow.Server.Snapshots;

namespace FormFlow.Server.WebUi;

/// <summary>What the Portal's page shows before its scripts run: the language and size, and the markup.</summary>
internal sealed record FirstScreen(string Locale, bool Elder, string Markup);

/// <summary>
/// The service hall of a signed-in worker, drawn into the Portal's page so that a phone shows it at first paint, with
/// real links, before the scripts have arrived and run; the Portal renders behind it and takes over when its own hall
/// has its services (designer/src/portal/first-screen.ts). It is the markup the Portal renders for the hall
/// (signed-in.tsx: header, tabs; pages/service-hall.tsx: services by category) in the reader's language and size (the
/// cookies the Portal writes: session.tsx <c>rememberView</c>), with the Portal's words (<see cref="PortalWords"/>).
/// e2e/first-screen.spec.ts checks that both show the same.
/// </summary>
internal static class PortalFirstScreen
{
    public const string LocaleCookie = "formflow.locale";
    public const string ElderCookie = "formflow.elder";

    private static readonly string[] Cadres = [Roles.Reviewer, Roles.Lawyer, Roles.Admin, Roles.Expert, "handler"];

    public static async Task<FirstScreen?> DrawAsync(HttpContext http, ClaimsPrincipal user, PortalWords.Catalogue words, CancellationToken ct)
    {
        var path = http.Request.Path.Value ?? "/";
        var services = http.RequestServices;
        var db = services.GetRequiredService<FormFlowDbContext>();
        if (await CurrentAccount.LoadAsync(db, user, ct) is not { } account || !ShowsHall(path, account)) return null;
        var hall = await HallServices.ForAsync(db, services.GetRequiredService<ServiceDirectory>(), services.GetRequiredService<SnapshotCatalog>(), account, ct);
        var (locale, elder) = ViewOf(http, words);

        var html = new StringBuilder("<div id=\"pf-first\"><div class=\"pf-app\">");
        html.Append($"<header class=\"pf-header\"><h1>{Text(words.Say(locale, "appName"))}</h1><span class=\"pf-who\">{Text(account.DisplayName)}</span></header>");
        html.Append("<div role=\"status\"></div><main class=\"pf-main\"><section>");
        html.Append($"<h2>{Text(words.Say(locale, "hall"))}</h2>");
        if (hall.Count == 0) html.Append($"<p class=\"pf-muted\">{Text(words.Say(locale, "noServices"))}</p>");
        foreach (var group in hall.GroupBy(s => words.CategoryName(locale, s.Category)))
        {
            html.Append($"<div class=\"pf-group\"><h3>{Text(group.Key)}</h3><ul class=\"pf-list\">");
            foreach (var s in group)
            {
                html.Append($"<li><a href=\"/services/{s.Id}\" class=\"pf-list-item\"><strong>{Text(LabelOf(s.Name, locale))}</strong>");
                if (LabelOf(s.Description, locale) is { Length: > 0 } description) html.Append($"<span class=\"pf-muted\">{Text(description)}</span>");
                html.Append($"<span class=\"pf-muted\">{Text(s.OrgName)}</span></a></li>");
            }
            html.Append("</ul></div>");
        }
        html.Append($"</section></main><nav class=\"pf-tabs\" aria-label=\"{Text(words.Say(locale, "appName"))}\">");
        foreach (var (to, word) in Tabs(account))
        {
            var on = to == "/" ? path == "/" : path.StartsWith(to, StringComparison.Ordinal);
            html.Append($"<a href=\"{to}\" class=\"{(on ? "pf-tab pf-tab-on" : "pf-tab")}\">{Text(words.Say(locale, word))}</a>");
        }
        html.Append("</nav></div></div>");
        return new FirstScreen(locale, elder, html.ToString());
    }

    /// <summary>The reader's language and size, from the cookies the Portal writes; an unknown language reads as the default.</summary>
    public static (string Locale, bool Elder) ViewOf(HttpContext http, PortalWords.Catalogue words) =>
        (http.Request.Cookies[LocaleCookie] is { } chosen && words.Knows(chosen) ? chosen : PortalWords.DefaultLocale,
         http.Request.Cookies[ElderCookie] == "1");

    private static bool HasRole(Account account, params string[] roles) => account.Roles.Any(r => roles.Contains(r.Role));

    private static bool IsWorker(Account account) => HasRole(account, Roles.Worker, "member") || account.Roles.Count == 0;

    /// <summary>The paths at which the Portal shows this account the hall (app.tsx <c>showsHall</c>).</summary>
    private static bool ShowsHall(string path, Account account) => path == "/hall" || (path == "/" && IsWorker(account));

    /// <summary>The bottom tabs for the account's roles, as signed-in.tsx lists them.</summary>
    private static List<(string To, string Word)> Tabs(Account account)
    {
        var tabs = new List<(string, string)>();
        if (IsWorker(account)) tabs.AddRange([("/", "hall"), ("/cases", "myCases"), ("/card", "card"), ("/training", "training")]);
        if (HasRole(account, Cadres))
        {
            tabs.AddRange([("/inbox", "inbox"), ("/staff/cases", "staffCases")]);
            if (tabs[0].Item1 != "/") tabs.Add(("/hall", "hall"));
        }
        if (HasRole(account, Roles.Merchant)) tabs.Add(("/merchant", "merchant"));
        tabs.AddRange([("/feed", "feed"), ("/notifications", "notifications"), ("/me", "me")]);
        return tabs;
    }

    /// <summary>A module text in the reader's language, else Simplified Chinese, else its first (i18n.ts <c>labelOf</c>).</summary>
    private static string LabelOf(JsonNode? label, string locale) => label switch
    {
        null => "",
        JsonValue value => value.GetValue<string>(),
        JsonObject texts => (string?)(texts[locale] ?? texts[PortalWords.DefaultLocale] ?? texts.FirstOrDefault().Value) ?? "",
        _ => "",
    };

    public static string Text(string text) => WebUtility.HtmlEncode(text);
}
