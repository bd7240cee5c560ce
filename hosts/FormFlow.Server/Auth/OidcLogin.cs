using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Auth;

/// <summary>
/// Sign-in with a union's existing OpenID Connect login (see <see cref="OidcSettings"/>): the browser goes to
/// <see cref="LoginPath"/>, the provider signs the person in and sends them back with a code (authorization code flow
/// with PKCE), the handler redeems it and checks the signed id_token, and the configured claim must name an existing
/// FormFlow account. Then the session is that account's own cookie, as after a password login, so its roles (and
/// nothing from the provider) decide what it may do; with no such account the sign-in is refused with a 403 naming
/// why. Both outcomes leave an audit entry.
/// </summary>
internal static class OidcLogin
{
    public const string Scheme = "oidc";
    public const string LoginPath = "/api/auth/oidc/login";
    /// <summary>Where the provider sends the browser back: under /api, so the Portal's client routes never answer it.</summary>
    public const string CallbackPath = "/api/auth/oidc/callback";

    /// <summary>The sign-in ways a page can offer: the password form, and the union login when configured.</summary>
    public sealed record SignInProvider(string Id, string DisplayName, string Method, string LoginUrl);

    public static AuthenticationBuilder AddOidcLogin(this AuthenticationBuilder auth, OidcSettings? settings)
    {
        if (settings is null) return auth;
        auth.Services.AddSingleton(settings);
        return auth.AddOpenIdConnect(Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.CallbackPath = CallbackPath;
            // The code comes back on a top-level GET, so the correlation and nonce cookies can be Lax (and work on HTTP).
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.UsePkce = true;
            o.Scope.Clear();
            foreach (var scope in settings.Scopes) o.Scope.Add(scope);
            o.MapInboundClaims = false; // claim names as the provider sends them, so AccountClaim means what it says
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = false;
            o.SignInScheme = IdentityConstants.ApplicationScheme;
            o.Events.OnTokenValidated = MatchAccountAsync;
            o.Events.OnRemoteFailure = RefuseAsync;
        });
    }

    public static void MapOidcEndpoints(this RouteGroupBuilder auth)
    {
        // Anonymous: the sign-in page lists the ways to sign in, and the browser starts one, before anyone is signed in.
        auth.MapGet("/providers", Providers).AllowAnonymous()
            .WithSummary("The ways to sign in on this server: the password form, and the union's OpenID Connect login when it is configured (a page shows a button that navigates to its loginUrl).");
        auth.MapGet("/oidc/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.Login).Produces(StatusCodes.Status302Found).ProducesProblem(400).ProducesProblem(404).ProducesProblem(429)
            .WithSummary("Starts sign-in with the union's OpenID Connect login (a browser navigation): redirects to the provider, which sends the browser back to /api/auth/oidc/callback; there an existing account named by the configured claim is signed in (cookie) and the browser goes on to returnUrl (a path on this server, default /), or the sign-in is refused with 403 when no account matches.");
    }

    private static List<SignInProvider> Providers(IServiceProvider services) =>
        services.GetService<OidcSettings>() is { } oidc
            ? [Password, new SignInProvider(Scheme, oidc.DisplayName, "GET", LoginPath)]
            : [Password];

    private static readonly SignInProvider Password = new("password", "用户名和密码", "POST", "/api/auth/login");

    private static Results<ChallengeHttpResult, ProblemHttpResult> Login(string? returnUrl, IServiceProvider services)
    {
        if (services.GetService<OidcSettings>() is null)
            return TypedResults.Problem(statusCode: 404, title: "OpenID Connect sign-in is off",
                detail: "this server has no union login configured (Auth:Oidc:Authority); sign in with POST /api/auth/login");
        returnUrl ??= "/";
        if (!LocalPath.Is(returnUrl))
            return TypedResults.Problem(statusCode: 400, title: "The request is not valid",
                detail: LocalPath.Rule, extensions: new Dictionary<string, object?> { ["parameter"] = "returnUrl" });
        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [Scheme]);
    }

    private static async Task MatchAccountAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var settings = services.GetRequiredService<OidcSettings>();
        var signIn = services.GetRequiredService<SignInManager<Account>>();
        var db = services.GetRequiredService<FormFlowDbContext>();
        var name = context.Principal?.FindFirst(settings.AccountClaim)?.Value;
        var account = string.IsNullOrEmpty(name) ? null : await signIn.UserManager.FindByNameAsync(name);
        var refusal = string.IsNullOrEmpty(name) ? $"the union login sent no '{settings.AccountClaim}' claim, which names the FormFlow account"
            : account is null ? $"no FormFlow account has the user name '{name}' ({settings.AccountClaim} of the union login); an administrator must create the account first — the union login alone grants no access"
            : await signIn.UserManager.IsLockedOutAsync(account) ? $"the FormFlow account '{name}' is locked after repeated failed sign-ins"
            : null;
        var details = new JsonObject { ["subject"] = context.Principal?.FindFirst("sub")?.Value, ["authority"] = settings.Authority };
        if (refusal is not null)
        {
            details["reason"] = refusal;
            AuditLog.Append(db, AuditLog.Anonymous, "auth.oidc.refused", string.IsNullOrEmpty(name) ? null : "account:" + name,
                account is null ? null : await AuditLog.OrgOfAsync(db, account.Id), details);
            await db.SaveChangesAsync(context.HttpContext.RequestAborted);
            // Fail() drops the sign-in's properties; keep where the browser came from for RefuseAsync.
            context.HttpContext.Items[ReturnUrlItem] = context.Properties?.RedirectUri;
            context.Fail(new OidcRefusal(refusal));
            return;
        }
        AuditLog.Append(db, account!.UserName!, "auth.oidc.succeeded", "account:" + account.UserName, await AuditLog.OrgOfAsync(db, account.Id), details);
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        // The session carries the FormFlow account (its ID as the name identifier), as a password login's does.
        context.Principal = await signIn.CreateUserPrincipalAsync(account);
    }

    /// <summary>The query parameter that tells a sign-in page why the union login did not sign the person in.</summary>
    public const string ErrorParameter = "signInError";

    private static readonly object ReturnUrlItem = new();

    /// <summary>
    /// A refused or failed union login. A browser goes back to the page it came from (its returnUrl), which is then
    /// a sign-in page, with <c>signInError=no-account</c> or <c>signInError=failed</c> for it to explain; the reason
    /// in full is in the audit and security logs. Any other caller gets the ProblemDetails.
    /// </summary>
    private static async Task RefuseAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        var refused = context.Failure is OidcRefusal;
        var services = context.HttpContext.RequestServices;
        services.GetRequiredService<ILoggerFactory>().CreateLogger(AuthEndpoints.SecurityLog)
            .LogWarning("Union login (OpenID Connect) sign-in failed: {Reason}", context.Failure?.Message);
        if (context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            var back = (context.Properties?.RedirectUri ?? context.HttpContext.Items[ReturnUrlItem] as string) is { } uri && LocalPath.Is(uri) ? uri : "/";
            context.Response.Redirect(QueryHelpers.AddQueryString(back, ErrorParameter, refused ? "no-account" : "failed"));
            return;
        }
        await services.GetRequiredService<IProblemDetailsService>().AnswerAsync(context.HttpContext, context.Failure, new ProblemDetails
        {
            Status = refused ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
            Title = refused ? "No FormFlow account for this union login" : "Sign-in with the union login failed",
            Detail = context.Failure?.Message ?? "the OpenID Connect provider did not sign you in",
        });
    }

    /// <summary>The provider signed the person in, but FormFlow does not let them in (no matching account, locked).</summary>
    private sealed class OidcRefusal(string message) : Exception(message);
}
