using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Services;
using FormFlow.Server.Shared;
using FormFlow.Server.Snapshots;

namespace FormFlow.Server.Auth;

/// <summary>Sign-in for browsers (cookie), for API clients (bearer token), sign-out, and "who am I".</summary>
internal static class AuthEndpoints
{
    /// <summary>Log category of security events (failed sign-ins), for alerting.</summary>
    public const string SecurityLog = "FormFlow.Security";

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        // Anonymous by nature: these are how a caller signs in.
        auth.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Login).ProducesProblem(400).ProducesProblem(401).ProducesProblem(429)
            .WithSummary("Sign in with a user name and password; sets the session cookie and returns the account and its roles.");
        auth.MapPost("/login/hall", LoginToHallAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Login).ProducesProblem(400).ProducesProblem(401).ProducesProblem(429)
            .WithSummary("Sign in as /api/auth/login does, and get the service hall too (what GET /api/services then lists): the Portal's sign-in, one round trip instead of two on a phone network.");
        auth.MapPost("/token", TokenAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Login).ProducesProblem(400).ProducesProblem(401).ProducesProblem(429)
            .WithSummary("Exchange a user name and password for a bearer token (Authorization: Bearer ...).");
        auth.MapFormSignIn();
        auth.MapOidcEndpoints();
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization().ProducesProblem(401)
            .WithSummary("Sign out everywhere: clears the session cookie and ends every bearer token of the account (other browser sessions end at their next cookie check).");
        app.MapGet("/api/me", MeAsync).RequireAuthorization().WithTags("Auth").ProducesProblem(401)
            .WithSummary("The signed-in account and the roles it holds at org units.");
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, FormFlowDbContext db, SignInManager<Account> signIn, HttpContext http, CancellationToken ct)
    {
        if (await SignInAsync(request, db, signIn, http, ct) is not { } account) return WrongCredentials();
        return TypedResults.Ok(AccountView.Of(account));
    }

    private static async Task<Results<Ok<HallSignIn>, ProblemHttpResult>> LoginToHallAsync(LoginRequest request, FormFlowDbContext db,
        SignInManager<Account> signIn, ServiceDirectory directory, SnapshotCatalog snapshots, HttpContext http, CancellationToken ct)
    {
        if (await SignInAsync(request, db, signIn, http, ct) is not { } account) return WrongCredentials();
        return TypedResults.Ok(new HallSignIn(AccountView.Of(account), await HallServices.ForAsync(db, directory, snapshots, account, ct)));
    }

    /// <summary>The account, signed in with a session cookie; null when the credentials are refused.</summary>
    private static async Task<Account?> SignInAsync(LoginRequest request, FormFlowDbContext db, SignInManager<Account> signIn, HttpContext http, CancellationToken ct)
    {
        if (await VerifyAsync(request, db, signIn, http, "auth.login", ct) is not { } account) return null;
        await signIn.SignInAsync(account, isPersistent: false);
        return account;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> TokenAsync(
        LoginRequest request, FormFlowDbContext db, SignInManager<Account> signIn, TokenIssuer issuer, HttpContext http, CancellationToken ct)
    {
        if (await VerifyAsync(request, db, signIn, http, "auth.token", ct) is not { } account) return WrongCredentials();
        var (token, expiresAt) = issuer.Issue(account);
        return TypedResults.Ok(new TokenResponse(token, expiresAt, AccountView.Of(account)));
    }

    private static async Task<NoContent> LogoutAsync(FormFlowDbContext db, SignInManager<Account> signIn, HttpContext http, CancellationToken ct)
    {
        AuditLog.Append(db, http.User.Identity?.Name ?? AuditLog.Anonymous, "auth.logout", Target(http.User.Identity?.Name),
            http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id ? await AuditLog.OrgOfAsync(db, id, ct) : null);
        await db.SaveChangesAsync(ct);
        await TokenRevocation.RevokeAllAsync(db, signIn.UserManager, http.User);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> MeAsync(FormFlowDbContext db, HttpContext http, CancellationToken ct) =>
        await CurrentAccount.LoadAsync(db, http.User, ct) is { } account
            ? TypedResults.Ok(AccountView.Of(account))
            : CurrentAccount.Gone();

    /// <summary>
    /// Checks the password (counting failures towards lockout) and records the attempt either way as a security
    /// event. Unknown user, wrong password and locked-out account look the same to the caller.
    /// </summary>
    internal static async Task<Account?> VerifyAsync(
        LoginRequest request, FormFlowDbContext db, SignInManager<Account> signIn, HttpContext http, string action, CancellationToken ct)
    {
        RequireText(request.UserName, "/userName");
        RequireText(request.Password, "/password");
        var client = new JsonObject { ["ip"] = http.Connection.RemoteIpAddress?.ToString() };
        var account = await signIn.UserManager.FindByNameAsync(request.UserName);
        if (account is not null)
        {
            var check = await signIn.CheckPasswordSignInAsync(account, request.Password, lockoutOnFailure: true);
            if (check.Succeeded)
            {
                AuditLog.Append(db, account.UserName!, action + ".succeeded", Target(account.UserName), await AuditLog.OrgOfAsync(db, account.Id, ct), client);
                await db.SaveChangesAsync(ct);
                return await CurrentAccount.WithRoles(db).SingleAsync(a => a.Id == account.Id, ct);
            }
            client["reason"] = check.IsLockedOut ? "locked-out" : "wrong-password";
        }
        else
        {
            client["reason"] = "unknown-user";
        }
        AuditLog.Append(db, AuditLog.Anonymous, action + ".failed", Target(request.UserName),
            account is null ? null : await AuditLog.OrgOfAsync(db, account.Id, ct), client);
        await db.SaveChangesAsync(ct);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(SecurityLog)
            .LogWarning("Sign-in failed for {UserName} from {Ip}: {Reason}", request.UserName, client["ip"]?.ToString(), client["reason"]!.ToString());
        return null;
    }

    private static void RequireText(string value, string pointer)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new BadHttpRequestException($"{pointer} must not be empty");
    }

    private static string? Target(string? userName) => userName is null ? null : "account:" + userName;

    private static ProblemHttpResult WrongCredentials() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
        detail: "wrong user name or password, or the account is locked after repeated failures");
}

/// <summary>Credentials for <c>/api/auth/login</c> and <c>/api/auth/token</c>; other fields are refused.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record LoginRequest(string UserName, string Password);

internal sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, AccountView Account);

/// <summary>The account just signed in, and the services its hall lists (<c>/api/auth/login/hall</c>).</summary>
internal sealed record HallSignIn(AccountView Account, List<ServiceView> Services);
