using FormFlow.Server.Shared;
using System.Security.Claims;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FormFlow.Server.Auth;

/// <summary>
/// Bearer tokens end when their owner signs out, not only when they expire. Each token carries the account's
/// Identity security stamp (<see cref="StampClaim"/>), a version of the account's sign-ins; every request compares it
/// with the account's current stamp, and signing out replaces the stamp. So a sign-out, with a token or in a browser,
/// ends every token of the account — "sign out everywhere", with no table of revoked tokens to keep. Cookies carry the
/// stamp too and are checked the same way on every request (<see cref="CheckCookieAsync"/>), so a sign-out, a disabled
/// account or a password reset ends the account's browser sessions as well.
/// </summary>
/// <remarks>
/// The check reads the account through <see cref="CurrentAccount"/>, which each process keeps for
/// <see cref="CurrentAccount.Freshness"/>: the signing-out process forgets it at once, other processes within that time.
/// </remarks>
internal static class TokenRevocation
{
    public const string StampClaim = "formflow:stamp";

    /// <summary>JwtBearer's OnTokenValidated: a token of a removed account, of an older stamp or without one is refused.</summary>
    public static async Task CheckAsync(TokenValidatedContext context)
    {
        var db = context.HttpContext.RequestServices.GetRequiredService<FormFlowDbContext>();
        var account = await CurrentAccount.LoadAsync(db, context.Principal!, context.HttpContext.RequestAborted);
        if (account is null) context.Fail("the token's account no longer exists");
        else if (context.Principal!.FindFirstValue(StampClaim) is not { } stamp || stamp != (account.SecurityStamp ?? ""))
            context.Fail("the token was revoked: its account signed out since it was issued");
    }

    /// <summary>
    /// The cookie's OnValidatePrincipal, instead of Identity's check every 30 minutes: a cookie of a removed account or
    /// of an older stamp is rejected and cleared. It reads the cached account, so it costs no query per request.
    /// </summary>
    public static async Task CheckCookieAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var account = await CurrentAccount.LoadAsync(services.GetRequiredService<FormFlowDbContext>(), context.Principal!, context.HttpContext.RequestAborted);
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (account is not null && context.Principal!.FindFirstValue(stampType) is { } stamp && stamp == (account.SecurityStamp ?? "")) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>Ends every bearer token and every cookie of the signed-in account.</summary>
    public static async Task RevokeAllAsync(FormFlowDbContext db, UserManager<Account> users, ClaimsPrincipal user)
    {
        if (await users.GetUserAsync(user) is not { } account) return;
        await users.UpdateSecurityStampAsync(account);
        CurrentAccount.Forget(db, account.Id);
    }
}
