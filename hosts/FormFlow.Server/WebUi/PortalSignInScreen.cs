using FormFlow.Server.Auth;
using Microsoft.AspNetCore.WebUtilities;
using static FormFlow.Server.WebUi.PortalFirstScreen;

namespace FormFlow.Server.WebUi;

/// <summary>
/// The Portal's sign-in page for a visitor without a session, drawn into the page so that 账号, 密码 and 登录 work at
/// first paint on a phone network, before the scripts have arrived and run: a real form that posts to
/// <see cref="FormSignIn"/> (so it signs in with no script at all) and that the app takes over when it boots, keeping
/// what was typed (designer/src/portal/first-screen.ts). The markup is pages/sign-in.tsx's (antd-mobile's Input and
/// Button, whose styles are in the page's stylesheets), in the reader's language and size, with the Portal's words.
/// </summary>
internal static class PortalSignInScreen
{
    /// <summary>The Portal's pages that stand before any session and are not the sign-in page (app.tsx).</summary>
    private static readonly string[] OwnPages = ["/register", "/reset-password"];

    /// <summary>The words the screen says: a web root built before the drawn sign-in has none of them, and gets no screen.</summary>
    private static readonly string[] Words = ["appName", "userName", "password", "signIn", "register", "signInFailed", "unionNoAccount", "unionFailed", "or", "signInWith"];

    /// <summary>Why the last attempt did not sign in (<c>signInError</c>), as the app says it (pages/sign-in.tsx).</summary>
    private static readonly Dictionary<string, string> ErrorWords = new()
    {
        [FormSignIn.WrongPassword] = "signInFailed", ["no-account"] = "unionNoAccount", ["failed"] = "unionFailed",
    };

    public static FirstScreen? Draw(HttpContext http, PortalWords.Catalogue words)
    {
        var request = http.Request;
        var path = request.Path.Value ?? "/";
        if (OwnPages.Contains(path) || !Words.All(words.Has)) return null;
        var (locale, elder) = ViewOf(http, words);
        string Say(string word) => Text(words.Say(locale, word));
        // Back to this page after signing in, without the message of the last attempt (sign-in-providers.ts thisPage).
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var error = query.Remove(OidcLogin.ErrorParameter, out var reason) && ErrorWords.TryGetValue(reason.ToString(), out var word) ? word : null;
        var back = QueryHelpers.AddQueryString(path, query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));

        var html = new System.Text.StringBuilder("<div id=\"pf-first\"><main class=\"pf-signin\">");
        html.Append($"<h1>{Say("appName")}</h1>");
        html.Append($"<form method=\"post\" action=\"{FormSignIn.Path}\"><input type=\"hidden\" name=\"returnUrl\" value=\"{Text(back)}\" />");
        html.Append($"<label for=\"pf-first-userName\">{Say("userName")}</label>");
        html.Append("<div class=\"adm-input\"><input class=\"adm-input-element\" id=\"pf-first-userName\" name=\"userName\" autocomplete=\"username\" required /></div>");
        html.Append($"<label for=\"pf-first-password\">{Say("password")}</label>");
        html.Append("<div class=\"adm-input\"><input class=\"adm-input-element\" id=\"pf-first-password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required /></div>");
        if (error is not null) html.Append($"<p class=\"pf-error\" role=\"alert\">{Say(error)}</p>");
        html.Append($"<button type=\"submit\" class=\"adm-button adm-button-primary adm-button-block adm-button-large adm-button-shape-default\"><span>{Say("signIn")}</span></button></form>");
        if (http.RequestServices.GetService<OidcSettings>() is { } union)
        {
            html.Append($"<div class=\"adm-divider adm-divider-horizontal adm-divider-center\"><div class=\"adm-divider-content\">{Say("or")}</div></div>");
            var href = QueryHelpers.AddQueryString(OidcLogin.LoginPath, "returnUrl", back);
            html.Append($"<a class=\"pf-signin-other\" href=\"{Text(href)}\">{Text(words.Say(locale, "signInWith").Replace("{0}", union.DisplayName))}</a>");
        }
        html.Append($"<a href=\"/register\" class=\"pf-signin-other\">{Say("register")}</a></main></div>");
        return new FirstScreen(locale, elder, html.ToString());
    }
}
