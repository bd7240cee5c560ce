using FormFlow.Server.Shared;
using System.Security.Claims;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;

namespace FormFlow.Server.Auth;

/// <summary>
/// Bearer tokens end when their owner signs out, not only when they expire. Each token carries the account's
/// Identity security stamp (<see cref="StampClaim"/>), a version of the account's sign-ins; every request compares it
/// with the account's current stamp, and signing out replaces the stamp. So a sign-out, with a token or in a browser,
/// ends every token of the account — "sign out everywhere", with no table of revoked tokens to keep. Other browser
/// sessions of the account end when Identity next checks their cookie against the stamp.
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

    /// <summary>Ends every bearer token (and, at their next check, every other cookie) of the signed-in account.</summary>
    public static async Task RevokeAllAsync(UserManager<Account> users, ClaimsPrincipal user)
    {
        if (await users.GetUserAsync(user) is not { } account) return;
        await users.UpdateSecurityStampAsync(account);
        CurrentAccount.Forget(account.Id);
    }
}
