using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

namespace FormFlow.Server.Auth;

/// <summary>
/// Accounts and sign-in: ASP.NET Core Identity over the FormFlow store; browsers get an HttpOnly, SameSite=Strict
/// cookie, API clients a JWT bearer token; every API endpoint accepts either (a request with
/// <c>Authorization: Bearer</c> is judged by its token, any other by its cookie). Challenges answer 401/403 with
/// ProblemDetails instead of redirecting to a login page.
/// </summary>
internal static class AuthSetup
{
    public const string Scheme = "FormFlow";
    public const string CookieName = "formflow.auth";

    public static IServiceCollection AddFormFlowAuth(this IServiceCollection services, JwtSettings jwt, OidcSettings? oidc = null)
    {
        services.AddSingleton(jwt);
        services.AddSingleton<TokenIssuer>();
        services.AddIdentityCore<Account>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddUserManager<ClockedUserManager>()
            .AddSignInManager()
            .AddEntityFrameworkStores<FormFlowDbContext>()
            // The password-reset links admins issue (Accounts/PasswordReset): bound to the security stamp, so used once.
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddJwtBearer(o =>
            {
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = jwt.SigningKey,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                // A signed token is not enough: its account must not have signed out since (TokenRevocation).
                o.Events = new JwtBearerEvents { OnTokenValidated = TokenRevocation.CheckAsync };
            })
            .AddOidcLogin(oidc)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // An API answers with a status, not a redirect to a login page; the status-code pages add ProblemDetails.
            o.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
            // Every request, against the cached account: a sign-out, a disabled account or a new password ends the session.
            o.Events.OnValidatePrincipal = TokenRevocation.CheckCookieAsync;
        });
        // Authorisation by default: an endpoint that says nothing needs a signed-in user. Anonymous endpoints say
        // AllowAnonymous, and each is on the reviewed list in SECURITY.md (a test walks the route table against it).
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, UnmatchedRequests>();
        return services;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
