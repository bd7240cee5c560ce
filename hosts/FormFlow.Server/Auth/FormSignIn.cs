using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace FormFlow.Server.Auth;

/// <summary>
/// Signing in from the sign-in form the server draws into the Portal's page (WebUi/PortalSignInScreen), when 登录 is
/// pressed before the Portal's scripts have run: a plain form POST, answered with 303 See Other to the page it came
/// from, signed in (the server then draws that page's hall), or with <c>signInError=password</c> for the page to say
/// so. The same check as <c>POST /api/auth/login</c>: the same rate limit, lockout, audit and wording.
/// A form can be posted from any site, so a post that the browser does not say comes from this server is refused
/// (login CSRF: another site must not sign a browser in to an account of its choosing).
/// </summary>
internal static class FormSignIn
{
    public const string Path = "/api/auth/login/form";
    public const string WrongPassword = "password";

    /// <summary>The form's fields, for the API description (routing answers 415 to any other body); the handler reads the form itself.</summary>
    internal sealed record Fields(string UserName, string Password, string? ReturnUrl);

    public static void MapFormSignIn(this RouteGroupBuilder auth) =>
        auth.MapPost("/login/form", SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Login).DisableAntiforgery()
            .Accepts<Fields>("application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status303SeeOther).ProducesProblem(400).ProducesProblem(403).ProducesProblem(415).ProducesProblem(429)
            .WithSummary("Sign in from the Portal page's own form (a browser form POST, from this server's pages only): sets the session cookie and answers 303 to returnUrl (a path on this server, default /), or to returnUrl with signInError=password when the user name or password is wrong or the account is locked.");

    private static async Task<Results<SeeOther, ProblemHttpResult>> SignInAsync(
        HttpContext http, FormFlowDbContext db, SignInManager<Account> signIn, CancellationToken ct)
    {
        if (!FromThisServer(http.Request))
            return Refusal(StatusCodes.Status403Forbidden, "Origin", "the sign-in form is accepted only from this server's own pages (Sec-Fetch-Site: same-origin, or else an Origin header naming this server)");
        var form = await http.Request.ReadFormAsync(ct);
        var returnUrl = form["returnUrl"].ToString() is { Length: > 0 } back ? back : "/";
        if (!LocalPath.Is(returnUrl))
            return Refusal(StatusCodes.Status400BadRequest, "returnUrl", LocalPath.Rule);

        var request = new LoginRequest(form["userName"].ToString(), form["password"].ToString());
        if (await AuthEndpoints.VerifyAsync(request, db, signIn, http, "auth.login", ct) is not { } account)
            return new SeeOther(QueryHelpers.AddQueryString(returnUrl, OidcLogin.ErrorParameter, WrongPassword));
        await signIn.SignInAsync(account, isPersistent: false);
        return new SeeOther(returnUrl);
    }

    /// <summary>
    /// Whether the browser says the post comes from this server's own page. Browsers set Sec-Fetch-Site themselves (a
    /// page cannot): "same-origin" or not. Under our <c>Referrer-Policy: no-referrer</c> a form post's Origin is
    /// "null", so Origin decides only for a browser without Sec-Fetch-Site; missing or foreign, it is refused.
    /// </summary>
    private static bool FromThisServer(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site
            ? site == "same-origin"
            : string.Equals(request.Headers.Origin.ToString(), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);

    private static ProblemHttpResult Refusal(int status, string parameter, string detail) => TypedResults.Problem(
        statusCode: status, title: "The sign-in form was refused", detail: detail,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>303: the browser follows with a GET, so a reload of the page it lands on does not post the password again.</summary>
    internal sealed class SeeOther(string location) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => StatusCodes.Status303SeeOther;

        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
